"""`python -m bot` is the same as `scrbot`."""

from .cli import main

raise SystemExit(main())
