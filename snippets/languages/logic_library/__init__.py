"""A small library-loans service split into layers: domain, service, repositories, HTTP."""
