// Notebooks change process-wide state (current directory, .NET Interactive formatters): run one test at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
