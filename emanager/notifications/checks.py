"""System checks: every declared e-mail has its three templates."""

from django.core.checks import Error, register
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

from emanager.notifications.emails import declared_emails


@register()
def emails_have_templates(app_configs, **kwargs):
    errors = []
    for email in declared_emails():
        for name in email.template_names:
            try:
                get_template(name)
            except TemplateDoesNotExist:
                errors.append(
                    Error(
                        f"The e-mail {email.name!r} has no template {name}.",
                        hint="Each e-mail needs a .subject.txt, a .txt and an .html template.",
                        id="notifications.E001",
                    )
                )
    return errors
