/**
 * The Confluent-compatible schema registry, at start only: a small REST client
 * ({@link io.feedhandler.registry.SchemaRegistryClient}), the project's evolution rules
 * ({@link io.feedhandler.registry.EvolutionRules}) and the rollout that checks and registers every
 * record schema before anything is published ({@link io.feedhandler.registry.SchemaRollout}). The
 * ids it returns feed {@link io.feedhandler.avro.ConfluentFraming}; the publishing path never
 * calls the registry.
 */
package io.feedhandler.registry;
