"""Helpers shared by the Authorization page's snippets: who is calling, roles, invoices."""
