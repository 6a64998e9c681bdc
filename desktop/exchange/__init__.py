"""Exchange domain: frames, symbols, contract metadata, endpoints and decimal maths.

Nothing here imports Qt or touches the network except ``rest``, which uses only the
standard library and runs its blocking calls off the event loop.
"""
