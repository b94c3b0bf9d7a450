"""Reads of the read-mostly areas go to a PostgreSQL replica; everything else to the primary.

The replica is the database alias ``replica`` (settings: ``DATABASE_REPLICA_URL``). Only
reads made while serving a safe request (GET, HEAD, OPTIONS) may go there, and only until
that request writes or opens a transaction: a user always reads their own writes. Commands,
tasks and the worker read from the primary, because they usually read what they just wrote.
A browser that has just written (POST, then the redirect's GET) is pinned to the primary for
a few seconds by a cookie, so replication lag never shows it an old page.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db import connections
from django.db.models import Model

PRIMARY = "default"
REPLICA = "replica"
# Catalog, regions and the register: what dashboards, the public catalog and the API read.
READ_MOSTLY_APPS = frozenset({"regions", "registry", "catalog"})


@dataclass
class RequestState:
    replica_allowed: bool
    wrote: bool = False


_state: ContextVar[RequestState | None] = ContextVar("kriya_replica_state", default=None)


@contextmanager
def replica_reads(*, allowed: bool) -> Iterator[RequestState]:
    """Within the block, reads of read-mostly models may go to the replica (if ``allowed``)."""
    state = RequestState(replica_allowed=allowed)
    token = _state.set(state)
    try:
        yield state
    finally:
        _state.reset(token)


def replica_configured() -> bool:
    return REPLICA in connections.settings


class ReplicaRouter:
    """Primary for writes, migrations and anything read in or after a write; replica otherwise."""

    def db_for_read(self, model: type[Model], **hints) -> str:
        state = _state.get()
        if (
            state is not None
            and state.replica_allowed
            and not state.wrote
            and model._meta.app_label in READ_MOSTLY_APPS
            and replica_configured()
            and not connections[PRIMARY].in_atomic_block
        ):
            return REPLICA
        return PRIMARY

    def db_for_write(self, model: type[Model], **hints) -> str:
        state = _state.get()
        if state is not None:
            state.wrote = True  # read your writes for the rest of this request
        return PRIMARY

    def allow_relation(self, obj1: Model, obj2: Model, **hints) -> bool | None:
        # The replica holds the same rows as the primary: objects read from either relate.
        if {obj1._state.db, obj2._state.db} <= {PRIMARY, REPLICA}:
            return True
        return None

    def allow_migrate(self, db: str, app_label: str, **hints) -> bool | None:
        # The replica follows the primary by streaming replication; never migrate it.
        return False if db == REPLICA else None
