"""What the topic tree shows, read from its view as a user sees it (for tests)."""

from __future__ import annotations

from planner.ui.panes.topic_tree import TopicTreePane


def shown_rows(pane: TopicTreePane) -> list[str]:
    """The rows of the tree top to bottom: areas, and indented the topics of open areas."""
    view = pane.view
    rows = []
    index = view.model().index(0, 0)
    while index.isValid():
        indent = "  " if index.parent().isValid() else ""
        rows.append(f"{indent}{index.data()}")
        index = view.indexBelow(index)
    return rows


def current_row(pane: TopicTreePane) -> str:
    """The text of the tree's current row ('' when none)."""
    index = pane.view.currentIndex()
    return str(index.data()) if index.isValid() else ""
