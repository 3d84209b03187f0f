"""Start the terminal UI: ``roleplay``, ``roleplay play PERSONA`` and ``roleplay resume SESSION``.

Bad input (an unknown persona or session) is raised as the CLI's UsageError
*before* the app starts, so the CLI prints one line and exits 2.
"""

from __future__ import annotations

from typing import Callable


def _usage_error(message: str) -> Exception:
    from roleplay.errors import UsageError

    return UsageError(message)


def launch(
    *,
    persona: str | None = None,
    seed: int | None = None,
    exam: bool = False,
    resume: str | None = None,
    load: Callable | None = None,
    graded=None,
    author: dict | None = None,
    graded_for: Callable | None = None,
) -> int:
    """``graded`` (a grading.play.GradedPlay) opens the assignment's briefing
    in its mode, and the debrief writes the signed submission."""
    loaded = None
    conversation = None
    if persona is not None:
        if load is None:
            from roleplay.persona.loader import load_persona, resolve

            loaded = load_persona(resolve(persona))
        else:
            loaded = load(persona)  # raises the CLI's UsageError on bad input
    if resume is not None:
        from roleplay.engine.conversation import Conversation
        from roleplay.engine.sessionlog import SessionBusy, find_session
        from roleplay.source.diagnostics import ScriptError

        try:
            logged = find_session(resume)
            if logged.ended:
                raise _usage_error(f"session {logged.session_id} is finished; 'roleplay sessions' lists the ones to resume")
            conversation = Conversation.resume(logged)
        except (LookupError, ValueError, SessionBusy) as exc:
            raise _usage_error(str(exc.args[0] if exc.args else exc)) from None
        except ScriptError as exc:
            first = exc.errors[0] if exc.errors else exc
            raise _usage_error(f"cannot resume {resume}: {first}") from None
        mark = logged.header.get("graded")
        if isinstance(mark, dict):  # graded work resumes as graded work: its debrief submits it
            if graded_for is None:
                conversation.close()
                raise _usage_error(f"session {logged.session_id} is graded work; resume it with 'roleplay resume {logged.session_id}'")
            from roleplay.grading.play import GradedError

            try:
                graded = graded_for(str(mark.get("assignment_file", "")), str(mark.get("student", "")))
                graded.adopt(conversation)
            except GradedError as exc:
                conversation.close()
                raise _usage_error(f"cannot resume {logged.session_id} as graded work: {exc}") from None
            except BaseException:
                conversation.close()
                raise

    from roleplay.ui.app import RoleplayApp

    app = RoleplayApp(persona=loaded, seed=seed, exam=exam, conversation=conversation, graded=graded, author=author)
    app.run()
    return app.return_code or 0
