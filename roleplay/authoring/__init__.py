"""Tools for persona authors, above the persona compiler and the engine:
trying a message (``roleplay try``), scaffolding (``roleplay new``)."""
