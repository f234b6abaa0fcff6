def pytest_configure(config):
    config.addinivalue_line(
        "markers", "celery_worker: needs a real Celery worker and Redis broker (REDIS_URL)"
    )
