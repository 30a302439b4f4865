"""``python -m hexatable``: the same command line as the ``hexatable`` console script."""

from __future__ import annotations

from hexatable.cli.app import main

if __name__ == "__main__":
    main()
