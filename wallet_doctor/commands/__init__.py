"""One module per command (`wallet-doctor VERB` runs `commands/VERB.py`), each returning its exit code.

cli.py declares the options and dispatches here; the commands call the core and print."""
