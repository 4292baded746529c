"""Cloud & DevOps: deploy, ship and watch a real service."""
