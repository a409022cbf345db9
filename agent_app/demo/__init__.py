"""Demo mode: a generated hospital with patients, episodes, tasks and past results."""
