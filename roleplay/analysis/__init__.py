"""Move analysis: behaviour-tag detection, the coaching rubric, scores and hints.

Plain Python with no UI import; the engine, the UI and grading all call it.
"""
