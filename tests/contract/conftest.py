def pytest_configure(config):
    config.addinivalue_line("markers", "slow: a bounded contract test (about a minute); CI runs it")
