"""The chat: one widget per turn (the learner's message, then the manager's reply)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from roleplay.engine.session import MAX_MESSAGE_CHARS
from roleplay.engine.transcript import Turn
from roleplay.ui.safe_text import clean, highlighted

CHANNEL_LABEL = {"email": "✉ email", "call": "☎ live call"}


def channel_label(channel: str) -> str:
    return CHANNEL_LABEL.get(channel, clean(channel))


class ChatMessage(Static):
    """One message: who, on which channel, and the text, shown literally."""

    def __init__(self, speaker: str, text: str, *, channel: str, side: str, evidence: list[str] | None = None, **kw):
        super().__init__(**kw)
        self.add_class(f"-{side}")
        self.speaker = speaker
        self.text = text
        self.channel = channel
        self.evidence = evidence or []
        self.update(self.render_message())

    def render_message(self) -> Content:
        body = highlighted(self.text, self.evidence, "bold underline") if self.evidence else Content(clean(self.text))
        return Content.assemble(
            (clean(self.speaker), "bold"),
            ("  " + channel_label(self.channel), "dim"),
            "\n",
            body,
        )


class ChatNotice(Static):
    """A visible notice inside the chat (cut message, ending, resumed session)."""

    def __init__(self, text: "str | Content", **kw):
        # A Content is already literal (built with safe_text); a str is made so here.
        super().__init__(text if isinstance(text, Content) else Content(clean(text)), **kw)


class ChatTurn(Vertical):
    """One move: the learner's message and the manager's reply."""

    def __init__(self, turn: Turn, *, manager: str, learner: str = "You", highlight: bool = False, reply_channel: str | None = None, **kw):
        super().__init__(**kw)
        self.reply_channel = reply_channel or turn.channel
        self.turn = turn
        self.manager = manager
        self.learner_name = learner
        self.highlight = highlight

    def compose(self) -> ComposeResult:
        t = self.turn
        evidence = list(t.evidence.values()) if self.highlight else None
        yield ChatMessage(f"{self.learner_name} · move {t.n}", t.learner, channel=t.channel, side="learner", evidence=evidence)
        if t.truncated:
            yield ChatNotice(
                f"⚠ Your message was longer than {MAX_MESSAGE_CHARS:,} characters and was cut to its first {MAX_MESSAGE_CHARS:,}.",
                classes="-warning",
            )
        yield ChatMessage(self.manager, t.manager, channel=self.reply_channel, side="manager")
