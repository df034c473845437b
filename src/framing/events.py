"""Event files: the actors of one event, their names, ladders and label rules (to implement)."""

from __future__ import annotations


class Event:
    """One event's actors."""


def load_event(path) -> Event:
    raise NotImplementedError


def find_event_files(folder) -> list:
    raise NotImplementedError
