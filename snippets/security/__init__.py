"""Security: authentication, authorization, encryption and the attacks every backend must stop."""
