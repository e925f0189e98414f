"""`python -m bot` is the same as `scrbot`."""

import sys

if sys.argv[1:2] == ["run"]:  # before the imports below: a SIGHUP while starting is a reload, not a kill
    from .hangup import defer

    defer()

from .cli import main

raise SystemExit(main())
