from django.apps import AppConfig


class ExampleConfig(AppConfig):
    name = "mujtama.core.tests.example"
    label = "workflow_example"
