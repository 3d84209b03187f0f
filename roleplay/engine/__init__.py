"""The dialogue engine: sessions over a persona, transcripts, the session log.

Plain Python with no UI import. A session is fully determined by its persona,
seed and learner messages, so undo, resume and re-grading all replay moves.
"""
