"""Domain vocabulary of the support terms: packages, severities, services, statuses, errors."""
