"""Event files: the actors of one event, their names, ladders and label rules.

An event file is YAML (format and example in docs/events.md)::

    event: aleppo-2024
    title: Iran's reaction to the late-2024 rebel offensive on Aleppo
    date: 2024-11-27
    actors:
      - id: hts
        name: Hayat Tahrir al-Sham and allied rebels
        kind: non_state_armed          # which ladder applies
        names: [Hayat Tahrir al-Sham, HTS, {term: Abu Mohammed al-Jolani, class: leader}]
        modifiers: [Syrian, HTS-led]   # attach a label to this actor: "Syrian rebels"
        bare: [rebel, terror]          # classes/terms that mean this actor unqualified
        exclude: [pro-government]      # modifiers that keep a label away from it

Everything event-specific lives in these files; ``framing.actors`` applies
them. Keys other than these are kept (``Actor.extra``) for other tools,
unless they look like a misspelt known key. Every problem is an :class:`EventError` naming the file and the key.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from .ladders import NAME_CLASSES, Ladders, load_ladders, normalise
from .tokens import WORD_RE

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_TOP_KEYS = {"event", "title", "date", "actors", "description"}
_ACTOR_KEYS = {"id", "name", "kind", "names", "modifiers", "bare", "exclude", "description"}


class EventError(ValueError):
    """A bad event file: the message names the file, the key and the fix."""


@dataclass(frozen=True)
class Actor:
    """One actor of an event. ``names``: (term, label class) pairs, each a
    stand-alone mention; ``modifiers``: words that attach a label to the actor;
    ``bare``: label classes or terms that mean this actor when unqualified;
    ``exclude``: modifiers that keep a label away from this actor."""

    id: str
    name: str
    kind: str
    names: tuple[tuple[str, str], ...] = ()
    modifiers: tuple[str, ...] = ()
    bare: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @cached_property
    def bare_keys(self) -> frozenset[str]:
        return frozenset(normalise(b) for b in self.bare)


@dataclass(frozen=True)
class Event:
    """One event's actors, as read from an event file."""

    id: str
    title: str
    date: str | None
    actors: tuple[Actor, ...]
    source: str | None = field(default=None, compare=False)

    def actor(self, actor_id: str) -> Actor:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(f"event '{self.id}' has no actor '{actor_id}'; it has "
                       f"{', '.join(a.id for a in self.actors)}")


def load_event(path, ladders: Ladders | None = None) -> Event:
    """Read and validate one event file. ``ladders`` (default: the package's)
    define the known actor kinds and label classes."""
    path = Path(path)
    if not path.is_file():
        raise EventError(f"{path}: no such event file; check the path")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise EventError(f"{path}: not valid YAML ({err}); fix the syntax") from None
    except UnicodeDecodeError:
        raise EventError(f"{path}: not valid UTF-8; save the file as UTF-8") from None
    return event_from_dict(data, ladders=ladders, source=str(path))


def event_from_dict(data, *, ladders: Ladders | None = None, source: str = "<event>") -> Event:
    """Validate an already parsed event mapping (as read from YAML)."""
    ladders = ladders if ladders is not None else load_ladders()
    if not isinstance(data, dict):
        raise EventError(f"{source}: an event file is a mapping with keys event, title, actors")
    _check_keys(data, _TOP_KEYS, source)
    event_id = _required_text(data, "event", source)
    if not _ID_RE.match(event_id):
        raise EventError(f"{source}: key 'event': '{event_id}' is not a usable id "
                         "(letters, digits, '-', '_', '.'); it must match the corpus 'event' column")
    title = str(data.get("title") or event_id)
    date = data.get("date")
    actors_data = data.get("actors")
    if not isinstance(actors_data, list) or not actors_data:
        raise EventError(f"{source}: key 'actors' is missing or empty; list the event's actors "
                         "(id, name, kind, names, modifiers, bare)")
    actors = tuple(_actor(item, i, ladders, source) for i, item in enumerate(actors_data))
    _check_unique(actors, source)
    return Event(id=event_id, title=title, date=None if date is None else str(date),
                 actors=actors, source=source)


def find_event_files(folder) -> list[Path]:
    """Event files in ``folder``: ``*.yaml``/``*.yml`` files with a top-level
    ``actors:`` key, sorted by name (other YAML files are left alone)."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in (".yaml", ".yml") and path.is_file() \
                and re.search(r"^actors\s*:", path.read_text(encoding="utf-8", errors="replace"),
                              re.MULTILINE):
            found.append(path)
    return found


# --- validation -------------------------------------------------------------

def _check_keys(mapping: dict, known: set[str], where: str) -> dict:
    """Other keys are kept for other tools (e.g. an evaluation's concept code),
    but a near-miss of a known key is a typo and an error."""
    extra = {}
    for key in map(str, mapping):
        if key in known:
            continue
        close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.75)
        if close:
            raise EventError(f"{where}: unknown key '{key}'; did you mean '{close[0]}'?")
        extra[key] = mapping[key]
    return extra


def _required_text(data: dict, key: str, where: str) -> str:
    value = data.get(key)
    if value is None or not str(value).strip():
        raise EventError(f"{where}: key '{key}' is missing or empty")
    return str(value).strip()


def _actor(item, index: int, ladders: Ladders, source: str) -> Actor:
    where = f"{source}: actors[{index}]"
    if not isinstance(item, dict):
        raise EventError(f"{where}: each actor is a mapping with keys id, name, kind, names, ...")
    extra = _check_keys(item, _ACTOR_KEYS, where)
    actor_id = _required_text(item, "id", where)
    if not _ID_RE.match(actor_id):
        raise EventError(f"{where}: key 'id': '{actor_id}' must be letters, digits, '-', '_', '.'")
    where = f"{source}: actor '{actor_id}'"
    kind = _required_text(item, "kind", where)
    if kind not in ladders.kinds:
        raise EventError(f"{where}: key 'kind': unknown ladder kind '{kind}'; known kinds are "
                         f"{', '.join(ladders.kinds)} (add a ladder file for a new kind)")
    classes = ladders.class_names(kind)
    names = tuple(_name(entry, j, classes, where) for j, entry in
                  enumerate(_string_list(item, "names", where, allow_mappings=True)))
    modifiers = tuple(_words(m, f"{where}: key 'modifiers'")
                      for m in _string_list(item, "modifiers", where))
    exclude = tuple(_words(m, f"{where}: key 'exclude'") for m in _string_list(item, "exclude", where))
    bare = tuple(_string_list(item, "bare", where))
    terms = ladders.terms(kind)
    for value in bare:
        if value not in classes and normalise(value) not in terms:
            raise EventError(f"{where}: key 'bare': '{value}' is neither a label class nor a "
                             f"label of the '{kind}' ladder; classes are {', '.join(sorted(classes))}")
    if not names and not modifiers and not bare:
        raise EventError(f"{where}: the actor can never be found; give it names, modifiers or "
                         "bare label classes")
    return Actor(id=actor_id, name=str(item.get("name") or actor_id), kind=kind, names=names,
                 modifiers=modifiers, bare=bare, exclude=exclude, extra=extra)


def _string_list(item: dict, key: str, where: str, *, allow_mappings: bool = False) -> list:
    value = item.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise EventError(f"{where}: key '{key}' must be a list")
    for element in value:
        ok = isinstance(element, str | int | float) or (allow_mappings and isinstance(element, dict))
        if not ok or (isinstance(element, str) and not element.strip()):
            raise EventError(f"{where}: key '{key}': bad entry {element!r}; write plain text")
    return [e if isinstance(e, dict) else str(e).strip() for e in value]


def _name(entry, index: int, classes: set[str], where: str) -> tuple[str, str]:
    if isinstance(entry, dict):
        extra = set(entry) - {"term", "class"}
        if extra or "term" not in entry:
            raise EventError(f"{where}: key 'names[{index}]': write a name as text or as "
                             "{term: ..., class: ...}")
        term, cls = str(entry["term"]).strip(), str(entry.get("class") or "name").strip()
    else:
        term, cls = entry, "name"
    if cls not in classes and cls not in NAME_CLASSES:
        raise EventError(f"{where}: key 'names[{index}]': class '{cls}' is not 'name', 'leader' "
                         f"or a class of the actor's ladder ({', '.join(sorted(classes))})")
    return _words(term, f"{where}: key 'names[{index}]'"), cls


def _words(term: str, where: str) -> str:
    tokens = WORD_RE.findall(term)
    if not tokens:
        raise EventError(f"{where}: '{term}' has no words")
    if " ".join(tokens) != " ".join(term.split()):
        raise EventError(f"{where}: the tokenizer splits '{term}' as '{' '.join(tokens)}', so it "
                         "can never match as written; drop the punctuation around the words")
    return " ".join(term.split())


def _check_unique(actors: tuple[Actor, ...], source: str) -> None:
    ids: set[str] = set()
    names: dict[str, str] = {}
    for actor in actors:
        if actor.id in ids:
            raise EventError(f"{source}: duplicate actor id '{actor.id}'; give each actor its own id")
        ids.add(actor.id)
        for term, _ in actor.names:
            key = normalise(term)
            if key in names:
                raise EventError(f"{source}: actor '{actor.id}': duplicate alias '{term}' (also a "
                                 f"name of '{names[key]}'); an alias must name one actor")
            names[key] = actor.id


def actor_names(events) -> dict[str, str]:
    """Actor id -> display name over ``events``: the one lookup behind the
    figures (``figures.actor_names``, which notebooks call) and the report."""
    return {actor.id: actor.name for event in events or () for actor in event.actors}
