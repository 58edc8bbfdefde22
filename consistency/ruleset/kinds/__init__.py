"""The built-in rule kinds. The registry loads them by name, as it loads a plugin's
(`registry.BUILTIN_KINDS`): this package imports none of them, so that importing one kind
does not import the others.
"""
