/* framing report: layer toggles and the details popover.
   Reads only data-* attributes and writes only with textContent: no text from
   the corpus is ever parsed as HTML here. */
(function () {
  "use strict";
  var root = document.querySelector(".fr.fr-page");
  if (!root) { return; }

  var LAYER_NAMES = {
    actor_label: "Actor label", loaded: "Loaded word", hedge: "Hedge",
    booster: "Booster", attribution: "Attribution verb"
  };
  var VOICE_NAMES = { own: "own voice", reported: "reported (attributed)", quoted: "quoted speech" };
  var FIELDS = [
    ["category", "class"], ["actor", "actor"], ["score", "ladder score"],
    ["voice", "voice"], ["speaker", "speaker"]
  ];

  /* --- layer toggles -------------------------------------------------------- */
  var boxes = Array.prototype.slice.call(root.querySelectorAll("input[data-toggle]"));
  function apply(box) {
    root.classList.toggle("fr-hide-" + box.getAttribute("data-toggle"), !box.checked);
  }
  boxes.forEach(function (box) {
    box.addEventListener("change", function () { apply(box); });
    apply(box);
  });
  root.querySelectorAll("button[data-only]").forEach(function (button) {
    button.addEventListener("click", function () {
      var only = button.getAttribute("data-only");
      boxes.forEach(function (box) {
        var layer = box.getAttribute("data-toggle");
        box.checked = only === "all" || layer === only || layer === "voice";
        apply(box);
      });
    });
  });

  /* --- popover -------------------------------------------------------------- */
  var pop = document.createElement("div");
  pop.className = "fr-pop";
  pop.setAttribute("role", "tooltip");
  pop.hidden = true;
  document.body.appendChild(pop);
  var pinned = null;

  // The custom popover replaces the browser tooltip while the script runs.
  root.querySelectorAll(".fr-text .fr-hl[title]").forEach(function (el) {
    el.setAttribute("data-title", el.getAttribute("title"));
    el.removeAttribute("title");
  });

  function add(parent, tag, text) {
    var node = document.createElement(tag);
    node.textContent = text;
    parent.appendChild(node);
    return node;
  }

  function visible(el) {
    return !root.classList.contains("fr-hide-" + el.getAttribute("data-layer"));
  }

  function chain(el) {
    // The highlight under the pointer and every highlight around it.
    var out = [];
    for (var node = el; node && node !== root; node = node.parentElement) {
      if (node.classList && node.classList.contains("fr-hl") && visible(node)) { out.push(node); }
      if (node.tagName === "P") { break; }
    }
    return out;
  }

  function show(el) {
    var marks = chain(el);
    if (!marks.length) { hide(); return; }
    pop.replaceChildren();
    marks.forEach(function (mark) {
      var section = add(pop, "section", "");
      var layer = mark.getAttribute("data-layer");
      add(section, "h5", (LAYER_NAMES[layer] || layer) + ": \u201c" + mark.textContent + "\u201d");
      var dl = add(section, "dl", "");
      var term = mark.getAttribute("data-term");
      if (term && term.toLowerCase() !== mark.textContent.toLowerCase()) {
        add(dl, "dt", "lexicon term");
        add(dl, "dd", term);
      }
      FIELDS.forEach(function (field) {
        var value = mark.getAttribute("data-" + field[0]);
        if (field[0] === "actor") { value = mark.getAttribute("data-actor-name") || value; }
        if (!value) { return; }
        if (field[0] === "voice") { value = VOICE_NAMES[value] || value; }
        var name = field[1];
        if (field[0] === "score" && layer !== "actor_label") { name = "intensity"; }
        add(dl, "dt", name);
        add(dl, "dd", value);
      });
    });
    var box = el.getBoundingClientRect();
    pop.hidden = false;
    var left = Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - pop.offsetWidth - 8);
    pop.style.left = Math.max(window.scrollX + 4, left) + "px";
    pop.style.top = (window.scrollY + box.bottom + 6) + "px";
  }

  function hide() { pop.hidden = true; }

  root.addEventListener("mouseover", function (event) {
    if (pinned) { return; }
    var el = event.target.closest(".fr-text .fr-hl");
    if (el) { show(el); } else { hide(); }
  });
  root.addEventListener("click", function (event) {
    var el = event.target.closest(".fr-text .fr-hl");
    if (pinned) { pinned.classList.remove("fr-active"); }
    if (el && el !== pinned) {
      pinned = el;
      el.classList.add("fr-active");
      show(el);
    } else {
      pinned = null;
      hide();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      if (pinned) { pinned.classList.remove("fr-active"); }
      pinned = null;
      hide();
    }
  });
})();
