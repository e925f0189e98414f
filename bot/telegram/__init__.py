"""The Telegram adapter: thin wiring of python-telegram-bot around the engine.

Imported only by `scrbot run` with a token, so commands that don't talk to Telegram stay light.
"""
