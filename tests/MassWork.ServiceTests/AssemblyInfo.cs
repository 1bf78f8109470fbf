// Two cores: one service host (and its PostgreSQL and RabbitMQ) at a time, so that a test waiting
// on a background loop is not starved by other fixtures starting their servers beside it.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
