"""The participant's own page (`/p/{token}`, server-rendered, no JavaScript needed) and its JSON twin
(`/api/v1/self-report/{token}`)."""
