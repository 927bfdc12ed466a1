"""Round trips: the object a GET returned may be sent back as a PATCH.

Its read-only fields (`id`, `created_at`, computed values, `etag`, ...) are accepted when they equal what
the server would show now, and ignored; a changed read-only field is a 422 naming it.
"""

from marshmallow import fields

from ..errors import Invalid

READ_ONLY_NOTE = ("Read-only: accepted (and ignored) when it equals the stored value, so a GET's object can be "
                  "sent back.")


def with_read_only_echo(update_cls, output_cls):
    """The update schema, plus every field of the output schema it lacks, accepted as a read-only echo."""
    own = update_cls._declared_fields
    extra = {name: fields.Raw(load_only=True, metadata={"description": READ_ONLY_NOTE})
             for name, field in output_cls._declared_fields.items() if name not in own and not field.load_only}
    cls = type(update_cls.__name__, (update_cls,), {**extra, "__doc__": update_cls.__doc__,
                                                    "__module__": update_cls.__module__})
    cls.READ_ONLY = frozenset(extra)
    return cls


def drop_read_only(changes: dict, schema_cls, shown: dict) -> dict:
    """Remove the echoed read-only fields from `changes`; 422 naming any that differs from `shown` (the
    record as the API shows it now)."""
    errors = {}
    for name in getattr(schema_cls, "READ_ONLY", ()):
        if name in changes:
            if changes.pop(name) != shown.get(name):
                errors[name] = ["Read-only: it cannot be changed (send the value you got, or leave it out)."]
    if errors:
        raise Invalid("The request changes read-only fields.", errors=errors)
    return changes
