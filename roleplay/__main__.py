"""``python -m roleplay`` does what the ``roleplay`` console script does."""

from roleplay.cli import main

raise SystemExit(main())
