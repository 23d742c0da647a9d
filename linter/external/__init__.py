"""The opt-in check of web links (`--external`): a layer beside the rules, at the edge.

`collect` reads the http(s) addresses the page models already hold; `checker` fetches each
distinct address once, politely, with asyncio; `cache` keeps the results for a while; `run`
ties them together and leaves the results in the settings, where the GB6xx rules read them.
Rules stay pure: they never touch the network, they turn results into findings.
"""
