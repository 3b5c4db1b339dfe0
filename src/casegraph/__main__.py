"""``python -m casegraph`` runs the command line."""

from .cli import main

main()
