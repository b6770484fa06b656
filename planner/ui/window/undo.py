"""Undo for what is not typed text: directions ticked, own directions, status, references.

Typed text has its own undo in each box (Qt's); these changes go through the window, which
records each as one command on its QUndoStack: the proposal's state before and after.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand

from planner.model.proposal import Proposal


@dataclass(frozen=True)
class ProposalState:
    topic: str
    directions: tuple[int, ...]
    own_directions: tuple[str, ...]
    status: str
    references: Any  # a deep copy of the CSL items
    # the sections' Markdown, for a change that rewrites citations (a reference's new key);
    # None: the change leaves the text alone (typed text has each box's own undo)
    sections: tuple[tuple[str, str], ...] | None = None


def state_of(proposal: Proposal, with_sections: bool = False) -> ProposalState:
    return ProposalState(
        proposal.topic,
        tuple(proposal.directions),
        tuple(proposal.own_directions),
        proposal.status,
        copy.deepcopy(proposal.references),
        tuple(proposal.sections.items()) if with_sections else None,
    )


def apply_state(proposal: Proposal, state: ProposalState) -> None:
    proposal.topic = state.topic
    proposal.directions = list(state.directions)
    proposal.own_directions = list(state.own_directions)
    proposal.status = state.status
    proposal.references = copy.deepcopy(state.references)
    if state.sections is not None:
        proposal.sections = dict(state.sections)


class ProposalChange(QUndoCommand):
    """One change, already made when pushed: redo the first time does nothing."""

    def __init__(
        self,
        text: str,
        before: ProposalState,
        after: ProposalState,
        restore: Callable[[ProposalState], None],
    ) -> None:
        super().__init__(text)
        self.before, self.after, self.restore = before, after, restore
        self._done = True

    def undo(self) -> None:
        self.restore(self.before)

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self.restore(self.after)
