// Two cores: one platform at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
