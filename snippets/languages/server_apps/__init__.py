"""Shared code for the page "What happens on the server": one tiny book API, many servers."""
