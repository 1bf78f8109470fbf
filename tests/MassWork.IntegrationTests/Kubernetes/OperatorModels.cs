using k8s;
using k8s.Models;
using YamlDotNet.Serialization;

namespace MassWork.IntegrationTests.Kubernetes;

/// <summary>The operator custom resources by "apiVersion/kind", for <c>KubernetesYaml.LoadAllFromString(yaml, new Dictionary<string, Type>(TypeMap), strict: true)</c>.</summary>
public static class OperatorModels
{
    public static IReadOnlyDictionary<string, Type> TypeMap { get; } = new Dictionary<string, Type>
    {
        ["postgresql.cnpg.io/v1/Cluster"] = typeof(CnpgCluster),
        ["postgresql.cnpg.io/v1/Pooler"] = typeof(CnpgPooler),
        ["postgresql.cnpg.io/v1/ScheduledBackup"] = typeof(CnpgScheduledBackup),
        ["postgresql.cnpg.io/v1/Database"] = typeof(CnpgDatabase),
        ["barmancloud.cnpg.io/v1/ObjectStore"] = typeof(BarmanObjectStore),
        ["rabbitmq.com/v1beta1/RabbitmqCluster"] = typeof(RabbitmqCluster),
    };
}

/// <summary>A CloudNativePG PostgreSQL cluster (postgresql.cnpg.io/v1 Cluster, operator 1.28).</summary>
[KubernetesEntity(Group = "postgresql.cnpg.io", ApiVersion = "v1", Kind = "Cluster", PluralName = "clusters")]
public sealed class CnpgCluster : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "postgresql.cnpg.io/v1";
    public string Kind { get; set; } = "Cluster";
    public V1ObjectMeta Metadata { get; set; } = new();
    public CnpgClusterSpec? Spec { get; set; }
}

/// <summary>A CloudNativePG PgBouncer connection pooler in front of a Cluster (postgresql.cnpg.io/v1 Pooler).</summary>
[KubernetesEntity(Group = "postgresql.cnpg.io", ApiVersion = "v1", Kind = "Pooler", PluralName = "poolers")]
public sealed class CnpgPooler : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "postgresql.cnpg.io/v1";
    public string Kind { get; set; } = "Pooler";
    public V1ObjectMeta Metadata { get; set; } = new();
    public CnpgPoolerSpec? Spec { get; set; }
}

/// <summary>A CloudNativePG backup schedule for a Cluster (postgresql.cnpg.io/v1 ScheduledBackup).</summary>
[KubernetesEntity(Group = "postgresql.cnpg.io", ApiVersion = "v1", Kind = "ScheduledBackup", PluralName = "scheduledbackups")]
public sealed class CnpgScheduledBackup : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "postgresql.cnpg.io/v1";
    public string Kind { get; set; } = "ScheduledBackup";
    public V1ObjectMeta Metadata { get; set; } = new();
    public CnpgScheduledBackupSpec? Spec { get; set; }
}

/// <summary>A database that CloudNativePG manages declaratively inside a Cluster (postgresql.cnpg.io/v1 Database).</summary>
[KubernetesEntity(Group = "postgresql.cnpg.io", ApiVersion = "v1", Kind = "Database", PluralName = "databases")]
public sealed class CnpgDatabase : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "postgresql.cnpg.io/v1";
    public string Kind { get; set; } = "Database";
    public V1ObjectMeta Metadata { get; set; } = new();
    public CnpgDatabaseSpec? Spec { get; set; }
}

/// <summary>An object store for the Barman Cloud CNPG-I plugin: where WAL and base backups go (barmancloud.cnpg.io/v1 ObjectStore, plugin 0.14).</summary>
[KubernetesEntity(Group = "barmancloud.cnpg.io", ApiVersion = "v1", Kind = "ObjectStore", PluralName = "objectstores")]
public sealed class BarmanObjectStore : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "barmancloud.cnpg.io/v1";
    public string Kind { get; set; } = "ObjectStore";
    public V1ObjectMeta Metadata { get; set; } = new();
    public BarmanObjectStoreSpec? Spec { get; set; }
}

/// <summary>A RabbitMQ cluster run by the RabbitMQ Cluster Operator 2.x (rabbitmq.com/v1beta1 RabbitmqCluster).</summary>
[KubernetesEntity(Group = "rabbitmq.com", ApiVersion = "v1beta1", Kind = "RabbitmqCluster", PluralName = "rabbitmqclusters")]
public sealed class RabbitmqCluster : IKubernetesObject<V1ObjectMeta>
{
    public string ApiVersion { get; set; } = "rabbitmq.com/v1beta1";
    public string Kind { get; set; } = "RabbitmqCluster";
    public V1ObjectMeta Metadata { get; set; } = new();
    public RabbitmqClusterSpec? Spec { get; set; }
}

public sealed class CnpgClusterSpec
{
    public string? Description { get; set; }
    public CnpgEmbeddedObjectMetadata? InheritedMetadata { get; set; }
    public string? ImageName { get; set; }
    public CnpgImageCatalogRef? ImageCatalogRef { get; set; }
    public string? ImagePullPolicy { get; set; }
    public string? SchedulerName { get; set; }
    public long? PostgresUID { get; set; }
    public long? PostgresGID { get; set; }
    public int? Instances { get; set; }
    public int? MinSyncReplicas { get; set; }
    public int? MaxSyncReplicas { get; set; }
    public CnpgPostgresConfiguration? Postgresql { get; set; }
    public CnpgReplicationSlotsConfiguration? ReplicationSlots { get; set; }
    public CnpgBootstrapConfiguration? Bootstrap { get; set; }
    public CnpgReplicaClusterConfiguration? Replica { get; set; }
    public V1LocalObjectReference? SuperuserSecret { get; set; }
    public bool? EnableSuperuserAccess { get; set; }
    public CnpgCertificatesConfiguration? Certificates { get; set; }
    public List<V1LocalObjectReference>? ImagePullSecrets { get; set; }
    public CnpgStorageConfiguration? Storage { get; set; }
    public CnpgServiceAccountTemplate? ServiceAccountTemplate { get; set; }
    public CnpgStorageConfiguration? WalStorage { get; set; }
    public V1EphemeralVolumeSource? EphemeralVolumeSource { get; set; }
    public int? StartDelay { get; set; }
    public int? StopDelay { get; set; }
    public int? SmartShutdownTimeout { get; set; }
    public int? SwitchoverDelay { get; set; }
    public int? FailoverDelay { get; set; }
    public int? LivenessProbeTimeout { get; set; }
    public CnpgAffinityConfiguration? Affinity { get; set; }
    public List<V1TopologySpreadConstraint>? TopologySpreadConstraints { get; set; }
    public V1ResourceRequirements? Resources { get; set; }
    public CnpgEphemeralVolumesSizeLimitConfiguration? EphemeralVolumesSizeLimit { get; set; }
    public string? PriorityClassName { get; set; }
    public string? PrimaryUpdateStrategy { get; set; }
    public string? PrimaryUpdateMethod { get; set; }
    public CnpgBackupConfiguration? Backup { get; set; }
    public CnpgNodeMaintenanceWindow? NodeMaintenanceWindow { get; set; }
    public CnpgMonitoringConfiguration? Monitoring { get; set; }
    public List<CnpgExternalCluster>? ExternalClusters { get; set; }
    public string? LogLevel { get; set; }
    public V1ProjectedVolumeSource? ProjectedVolumeTemplate { get; set; }
    public List<V1EnvVar>? Env { get; set; }
    public List<V1EnvFromSource>? EnvFrom { get; set; }
    public CnpgManagedConfiguration? Managed { get; set; }
    public V1SeccompProfile? SeccompProfile { get; set; }
    public V1PodSecurityContext? PodSecurityContext { get; set; }
    public V1SecurityContext? SecurityContext { get; set; }
    public List<CnpgTablespaceConfiguration>? Tablespaces { get; set; }
    public bool? EnablePDB { get; set; }
    public List<CnpgPluginConfiguration>? Plugins { get; set; }
    public CnpgProbesConfiguration? Probes { get; set; }
}

public sealed class CnpgEmbeddedObjectMetadata
{
    public Dictionary<string, string>? Labels { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
}

public sealed class CnpgMetadata
{
    public string? Name { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
}

public sealed class CnpgImageCatalogRef
{
    public string? ApiGroup { get; set; }
    public string? Kind { get; set; }
    public string? Name { get; set; }
    public int? Major { get; set; }
}

public sealed class CnpgSecretKeySelector
{
    public string? Name { get; set; }
    public string? Key { get; set; }
}

public sealed class CnpgConfigMapKeySelector
{
    public string? Name { get; set; }
    public string? Key { get; set; }
}

public sealed class CnpgPostgresConfiguration
{
    public Dictionary<string, string>? Parameters { get; set; }
    public CnpgSynchronousReplicaConfiguration? Synchronous { get; set; }

    [YamlMember(Alias = "pg_hba", ApplyNamingConventions = false)]
    public List<string>? PgHba { get; set; }

    [YamlMember(Alias = "pg_ident", ApplyNamingConventions = false)]
    public List<string>? PgIdent { get; set; }

    public CnpgSyncReplicaElectionConstraints? SyncReplicaElectionConstraint { get; set; }

    [YamlMember(Alias = "shared_preload_libraries", ApplyNamingConventions = false)]
    public List<string>? SharedPreloadLibraries { get; set; }

    public CnpgLdapConfig? Ldap { get; set; }
    public int? PromotionTimeout { get; set; }
    public bool? EnableAlterSystem { get; set; }
    public List<CnpgExtensionConfiguration>? Extensions { get; set; }
}

public sealed class CnpgSynchronousReplicaConfiguration
{
    public string? Method { get; set; }
    public int? Number { get; set; }
    public int? MaxStandbyNamesFromCluster { get; set; }
    public List<string>? StandbyNamesPre { get; set; }
    public List<string>? StandbyNamesPost { get; set; }
    public string? DataDurability { get; set; }
    public bool? FailoverQuorum { get; set; }
}

public sealed class CnpgSyncReplicaElectionConstraints
{
    public List<string>? NodeLabelsAntiAffinity { get; set; }
    public bool? Enabled { get; set; }
}

public sealed class CnpgLdapConfig
{
    public string? Server { get; set; }
    public int? Port { get; set; }
    public string? Scheme { get; set; }
    public CnpgLdapBindAsAuth? BindAsAuth { get; set; }
    public CnpgLdapBindSearchAuth? BindSearchAuth { get; set; }
    public bool? Tls { get; set; }
}

public sealed class CnpgLdapBindAsAuth
{
    public string? Prefix { get; set; }
    public string? Suffix { get; set; }
}

public sealed class CnpgLdapBindSearchAuth
{
    public string? BaseDN { get; set; }
    public string? BindDN { get; set; }
    public V1SecretKeySelector? BindPassword { get; set; }
    public string? SearchAttribute { get; set; }
    public string? SearchFilter { get; set; }
}

public sealed class CnpgExtensionConfiguration
{
    public string? Name { get; set; }
    public V1ImageVolumeSource? Image { get; set; }

    [YamlMember(Alias = "extension_control_path", ApplyNamingConventions = false)]
    public List<string>? ExtensionControlPath { get; set; }

    [YamlMember(Alias = "dynamic_library_path", ApplyNamingConventions = false)]
    public List<string>? DynamicLibraryPath { get; set; }

    [YamlMember(Alias = "ld_library_path", ApplyNamingConventions = false)]
    public List<string>? LdLibraryPath { get; set; }

    [YamlMember(Alias = "bin_path", ApplyNamingConventions = false)]
    public List<string>? BinPath { get; set; }

    public List<CnpgExtensionEnvVar>? Env { get; set; }
}

public sealed class CnpgExtensionEnvVar
{
    public string? Name { get; set; }
    public string? Value { get; set; }
}

public sealed class CnpgReplicationSlotsConfiguration
{
    public CnpgReplicationSlotsHAConfiguration? HighAvailability { get; set; }
    public int? UpdateInterval { get; set; }
    public CnpgSynchronizeReplicasConfiguration? SynchronizeReplicas { get; set; }
}

public sealed class CnpgReplicationSlotsHAConfiguration
{
    public bool? Enabled { get; set; }
    public string? SlotPrefix { get; set; }
    public bool? SynchronizeLogicalDecoding { get; set; }
}

public sealed class CnpgSynchronizeReplicasConfiguration
{
    public bool? Enabled { get; set; }
    public List<string>? ExcludePatterns { get; set; }
}

public sealed class CnpgBootstrapConfiguration
{
    public CnpgBootstrapInitDB? Initdb { get; set; }
    public CnpgBootstrapRecovery? Recovery { get; set; }

    [YamlMember(Alias = "pg_basebackup", ApplyNamingConventions = false)]
    public CnpgBootstrapPgBaseBackup? PgBasebackup { get; set; }
}

public sealed class CnpgBootstrapInitDB
{
    public string? Database { get; set; }
    public string? Owner { get; set; }
    public V1LocalObjectReference? Secret { get; set; }
    public List<string>? Options { get; set; }
    public bool? DataChecksums { get; set; }
    public string? Encoding { get; set; }
    public string? LocaleCollate { get; set; }
    public string? LocaleCType { get; set; }
    public string? Locale { get; set; }
    public string? LocaleProvider { get; set; }
    public string? IcuLocale { get; set; }
    public string? IcuRules { get; set; }
    public string? BuiltinLocale { get; set; }
    public int? WalSegmentSize { get; set; }
    public List<string>? PostInitSQL { get; set; }
    public List<string>? PostInitApplicationSQL { get; set; }
    public List<string>? PostInitTemplateSQL { get; set; }
    public CnpgImport? Import { get; set; }
    public CnpgSqlRefs? PostInitApplicationSQLRefs { get; set; }
    public CnpgSqlRefs? PostInitTemplateSQLRefs { get; set; }
    public CnpgSqlRefs? PostInitSQLRefs { get; set; }
}

public sealed class CnpgImport
{
    public CnpgImportSource? Source { get; set; }
    public string? Type { get; set; }
    public List<string>? Databases { get; set; }
    public List<string>? Roles { get; set; }
    public List<string>? PostImportApplicationSQL { get; set; }
    public bool? SchemaOnly { get; set; }
    public List<string>? PgDumpExtraOptions { get; set; }
    public List<string>? PgRestoreExtraOptions { get; set; }
    public List<string>? PgRestorePredataOptions { get; set; }
    public List<string>? PgRestoreDataOptions { get; set; }
    public List<string>? PgRestorePostdataOptions { get; set; }
}

public sealed class CnpgImportSource
{
    public string? ExternalCluster { get; set; }
}

public sealed class CnpgSqlRefs
{
    public List<CnpgSecretKeySelector>? SecretRefs { get; set; }
    public List<CnpgConfigMapKeySelector>? ConfigMapRefs { get; set; }
}

public sealed class CnpgBootstrapRecovery
{
    public CnpgBackupSource? Backup { get; set; }
    public string? Source { get; set; }
    public CnpgDataSource? VolumeSnapshots { get; set; }
    public CnpgRecoveryTarget? RecoveryTarget { get; set; }
    public string? Database { get; set; }
    public string? Owner { get; set; }
    public V1LocalObjectReference? Secret { get; set; }
}

public sealed class CnpgBackupSource
{
    public string? Name { get; set; }
    public CnpgSecretKeySelector? EndpointCA { get; set; }
}

public sealed class CnpgDataSource
{
    public V1TypedLocalObjectReference? Storage { get; set; }
    public V1TypedLocalObjectReference? WalStorage { get; set; }
    public Dictionary<string, V1TypedLocalObjectReference>? TablespaceStorage { get; set; }
}

public sealed class CnpgRecoveryTarget
{
    public string? BackupID { get; set; }
    public string? TargetTLI { get; set; }
    public string? TargetXID { get; set; }
    public string? TargetName { get; set; }
    public string? TargetLSN { get; set; }
    public string? TargetTime { get; set; }
    public bool? TargetImmediate { get; set; }
    public bool? Exclusive { get; set; }
}

public sealed class CnpgBootstrapPgBaseBackup
{
    public string? Source { get; set; }
    public string? Database { get; set; }
    public string? Owner { get; set; }
    public V1LocalObjectReference? Secret { get; set; }
}

public sealed class CnpgReplicaClusterConfiguration
{
    public string? Self { get; set; }
    public string? Primary { get; set; }
    public string? Source { get; set; }
    public bool? Enabled { get; set; }
    public string? PromotionToken { get; set; }
    public string? MinApplyDelay { get; set; }
}

public sealed class CnpgCertificatesConfiguration
{
    public string? ServerCASecret { get; set; }
    public string? ServerTLSSecret { get; set; }
    public string? ReplicationTLSSecret { get; set; }
    public string? ClientCASecret { get; set; }
    public List<string>? ServerAltDNSNames { get; set; }
}

public sealed class CnpgStorageConfiguration
{
    public string? StorageClass { get; set; }
    public string? Size { get; set; }
    public bool? ResizeInUseVolumes { get; set; }
    public V1PersistentVolumeClaimSpec? PvcTemplate { get; set; }
}

public sealed class CnpgServiceAccountTemplate
{
    public CnpgMetadata? Metadata { get; set; }
}

public sealed class CnpgAffinityConfiguration
{
    public bool? EnablePodAntiAffinity { get; set; }
    public string? TopologyKey { get; set; }
    public Dictionary<string, string>? NodeSelector { get; set; }
    public V1NodeAffinity? NodeAffinity { get; set; }
    public List<V1Toleration>? Tolerations { get; set; }
    public string? PodAntiAffinityType { get; set; }
    public V1PodAntiAffinity? AdditionalPodAntiAffinity { get; set; }
    public V1PodAffinity? AdditionalPodAffinity { get; set; }
}

public sealed class CnpgEphemeralVolumesSizeLimitConfiguration
{
    public ResourceQuantity? Shm { get; set; }
    public ResourceQuantity? TemporaryData { get; set; }
}

public sealed class CnpgBackupConfiguration
{
    public CnpgVolumeSnapshotConfiguration? VolumeSnapshot { get; set; }
    public CnpgBarmanObjectStoreConfiguration? BarmanObjectStore { get; set; }
    public string? RetentionPolicy { get; set; }
    public string? Target { get; set; }
}

public sealed class CnpgVolumeSnapshotConfiguration
{
    public Dictionary<string, string>? Labels { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
    public string? ClassName { get; set; }
    public string? WalClassName { get; set; }
    public Dictionary<string, string>? TablespaceClassName { get; set; }
    public string? SnapshotOwnerReference { get; set; }
    public bool? Online { get; set; }
    public CnpgOnlineConfiguration? OnlineConfiguration { get; set; }
}

public sealed class CnpgOnlineConfiguration
{
    public bool? WaitForArchive { get; set; }
    public bool? ImmediateCheckpoint { get; set; }
}

public sealed class CnpgNodeMaintenanceWindow
{
    public bool? ReusePVC { get; set; }
    public bool? InProgress { get; set; }
}

public sealed class CnpgMonitoringConfiguration
{
    public bool? DisableDefaultQueries { get; set; }
    public List<CnpgConfigMapKeySelector>? CustomQueriesConfigMap { get; set; }
    public List<CnpgSecretKeySelector>? CustomQueriesSecret { get; set; }
    public bool? EnablePodMonitor { get; set; }
    public CnpgMonitoringTlsConfiguration? Tls { get; set; }
    public List<CnpgRelabelConfig>? PodMonitorMetricRelabelings { get; set; }
    public List<CnpgRelabelConfig>? PodMonitorRelabelings { get; set; }
    public string? MetricsQueriesTTL { get; set; }
}

public sealed class CnpgMonitoringTlsConfiguration
{
    public bool? Enabled { get; set; }
}

public sealed class CnpgRelabelConfig
{
    public List<string>? SourceLabels { get; set; }
    public string? Separator { get; set; }
    public string? TargetLabel { get; set; }
    public string? Regex { get; set; }
    public long? Modulus { get; set; }
    public string? Replacement { get; set; }
    public string? Action { get; set; }
}

public sealed class CnpgExternalCluster
{
    public string? Name { get; set; }
    public Dictionary<string, string>? ConnectionParameters { get; set; }
    public V1SecretKeySelector? SslCert { get; set; }
    public V1SecretKeySelector? SslKey { get; set; }
    public V1SecretKeySelector? SslRootCert { get; set; }
    public V1SecretKeySelector? Password { get; set; }
    public CnpgBarmanObjectStoreConfiguration? BarmanObjectStore { get; set; }
    public CnpgPluginConfiguration? Plugin { get; set; }
}

public sealed class CnpgManagedConfiguration
{
    public List<CnpgRoleConfiguration>? Roles { get; set; }
    public CnpgManagedServices? Services { get; set; }
}

public sealed class CnpgRoleConfiguration
{
    public string? Name { get; set; }
    public string? Comment { get; set; }
    public string? Ensure { get; set; }
    public V1LocalObjectReference? PasswordSecret { get; set; }
    public long? ConnectionLimit { get; set; }
    public DateTime? ValidUntil { get; set; }
    public List<string>? InRoles { get; set; }
    public bool? Inherit { get; set; }
    public bool? DisablePassword { get; set; }
    public bool? Superuser { get; set; }
    public bool? Createdb { get; set; }
    public bool? Createrole { get; set; }
    public bool? Login { get; set; }
    public bool? Replication { get; set; }
    public bool? Bypassrls { get; set; }
}

public sealed class CnpgManagedServices
{
    public List<string>? DisabledDefaultServices { get; set; }
    public List<CnpgManagedService>? Additional { get; set; }
}

public sealed class CnpgManagedService
{
    public string? SelectorType { get; set; }
    public string? UpdateStrategy { get; set; }
    public CnpgServiceTemplateSpec? ServiceTemplate { get; set; }
}

public sealed class CnpgServiceTemplateSpec
{
    public CnpgMetadata? Metadata { get; set; }
    public V1ServiceSpec? Spec { get; set; }
}

public sealed class CnpgTablespaceConfiguration
{
    public string? Name { get; set; }
    public CnpgStorageConfiguration? Storage { get; set; }
    public CnpgDatabaseRoleRef? Owner { get; set; }
    public bool? Temporary { get; set; }
}

public sealed class CnpgDatabaseRoleRef
{
    public string? Name { get; set; }
}

public sealed class CnpgPluginConfiguration
{
    public string? Name { get; set; }
    public bool? Enabled { get; set; }
    public bool? IsWALArchiver { get; set; }
    public Dictionary<string, string>? Parameters { get; set; }
}

public sealed class CnpgProbesConfiguration
{
    public CnpgProbeWithStrategy? Startup { get; set; }
    public CnpgLivenessProbe? Liveness { get; set; }
    public CnpgProbeWithStrategy? Readiness { get; set; }
}

public abstract class CnpgProbe
{
    public int? InitialDelaySeconds { get; set; }
    public int? TimeoutSeconds { get; set; }
    public int? PeriodSeconds { get; set; }
    public int? SuccessThreshold { get; set; }
    public int? FailureThreshold { get; set; }
    public long? TerminationGracePeriodSeconds { get; set; }
}

public sealed class CnpgProbeWithStrategy : CnpgProbe
{
    public string? Type { get; set; }
    public ResourceQuantity? MaximumLag { get; set; }
}

public sealed class CnpgLivenessProbe : CnpgProbe
{
    public CnpgIsolationCheckConfiguration? IsolationCheck { get; set; }
}

public sealed class CnpgIsolationCheckConfiguration
{
    public bool? Enabled { get; set; }
    public int? RequestTimeout { get; set; }
    public int? ConnectionTimeout { get; set; }
}

public sealed class CnpgPoolerSpec
{
    public V1LocalObjectReference? Cluster { get; set; }
    public string? Type { get; set; }
    public int? Instances { get; set; }
    public CnpgPodTemplateSpec? Template { get; set; }
    public CnpgPgBouncerSpec? Pgbouncer { get; set; }
    public V1DeploymentStrategy? DeploymentStrategy { get; set; }
    public CnpgPoolerMonitoringConfiguration? Monitoring { get; set; }
    public CnpgServiceTemplateSpec? ServiceTemplate { get; set; }
}

public sealed class CnpgPodTemplateSpec
{
    public CnpgMetadata? Metadata { get; set; }
    public V1PodSpec? Spec { get; set; }
}

public sealed class CnpgPgBouncerSpec
{
    public string? PoolMode { get; set; }
    public V1LocalObjectReference? ServerTLSSecret { get; set; }
    public V1LocalObjectReference? ServerCASecret { get; set; }
    public V1LocalObjectReference? ClientCASecret { get; set; }
    public V1LocalObjectReference? ClientTLSSecret { get; set; }
    public V1LocalObjectReference? AuthQuerySecret { get; set; }
    public string? AuthQuery { get; set; }
    public Dictionary<string, string>? Parameters { get; set; }

    [YamlMember(Alias = "pg_hba", ApplyNamingConventions = false)]
    public List<string>? PgHba { get; set; }

    public bool? Paused { get; set; }
}

public sealed class CnpgPoolerMonitoringConfiguration
{
    public bool? EnablePodMonitor { get; set; }
    public List<CnpgRelabelConfig>? PodMonitorMetricRelabelings { get; set; }
    public List<CnpgRelabelConfig>? PodMonitorRelabelings { get; set; }
}

public sealed class CnpgScheduledBackupSpec
{
    public bool? Suspend { get; set; }
    public bool? Immediate { get; set; }
    public string? Schedule { get; set; }
    public V1LocalObjectReference? Cluster { get; set; }
    public string? BackupOwnerReference { get; set; }
    public string? Target { get; set; }
    public string? Method { get; set; }
    public CnpgBackupPluginConfiguration? PluginConfiguration { get; set; }
    public bool? Online { get; set; }
    public CnpgOnlineConfiguration? OnlineConfiguration { get; set; }
}

public sealed class CnpgBackupPluginConfiguration
{
    public string? Name { get; set; }
    public Dictionary<string, string>? Parameters { get; set; }
}

public sealed class CnpgDatabaseSpec
{
    public V1LocalObjectReference? Cluster { get; set; }
    public string? Ensure { get; set; }
    public string? Name { get; set; }
    public string? Owner { get; set; }
    public string? Template { get; set; }
    public string? Encoding { get; set; }
    public string? Locale { get; set; }
    public string? LocaleProvider { get; set; }
    public string? LocaleCollate { get; set; }
    public string? LocaleCType { get; set; }
    public string? IcuLocale { get; set; }
    public string? IcuRules { get; set; }
    public string? BuiltinLocale { get; set; }
    public string? CollationVersion { get; set; }
    public bool? IsTemplate { get; set; }
    public bool? AllowConnections { get; set; }
    public int? ConnectionLimit { get; set; }
    public string? Tablespace { get; set; }
    public string? DatabaseReclaimPolicy { get; set; }
    public List<CnpgDatabaseSchema>? Schemas { get; set; }
    public List<CnpgDatabaseExtension>? Extensions { get; set; }
    public List<CnpgDatabaseFdw>? Fdws { get; set; }
    public List<CnpgDatabaseServer>? Servers { get; set; }
}

public abstract class CnpgDatabaseObject
{
    public string? Name { get; set; }
    public string? Ensure { get; set; }
}

public sealed class CnpgDatabaseSchema : CnpgDatabaseObject
{
    public string? Owner { get; set; }
}

public sealed class CnpgDatabaseExtension : CnpgDatabaseObject
{
    public string? Version { get; set; }
    public string? Schema { get; set; }
}

public sealed class CnpgDatabaseFdw : CnpgDatabaseObject
{
    public string? Handler { get; set; }
    public string? Validator { get; set; }
    public string? Owner { get; set; }
    public List<CnpgDatabaseOption>? Options { get; set; }
    public List<CnpgDatabaseUsage>? Usage { get; set; }
}

public sealed class CnpgDatabaseServer : CnpgDatabaseObject
{
    public string? Fdw { get; set; }
    public List<CnpgDatabaseOption>? Options { get; set; }
    public List<CnpgDatabaseUsage>? Usage { get; set; }
}

public sealed class CnpgDatabaseOption
{
    public string? Name { get; set; }
    public string? Value { get; set; }
    public string? Ensure { get; set; }
}

public sealed class CnpgDatabaseUsage
{
    public string? Name { get; set; }
    public string? Type { get; set; }
}

public sealed class BarmanObjectStoreSpec
{
    public BarmanObjectStoreConfiguration? Configuration { get; set; }
    public string? RetentionPolicy { get; set; }
    public BarmanInstanceSidecarConfiguration? InstanceSidecarConfiguration { get; set; }
}

public sealed class BarmanInstanceSidecarConfiguration
{
    public List<V1EnvVar>? Env { get; set; }
    public int? RetentionPolicyIntervalSeconds { get; set; }
    public V1ResourceRequirements? Resources { get; set; }
    public List<string>? AdditionalContainerArgs { get; set; }
    public string? LogLevel { get; set; }
}

public abstract class BarmanCloudConfiguration
{
    public string? DestinationPath { get; set; }
    public string? EndpointURL { get; set; }
    public CnpgSecretKeySelector? EndpointCA { get; set; }
    public string? ServerName { get; set; }
    public BarmanS3Credentials? S3Credentials { get; set; }
    public BarmanAzureCredentials? AzureCredentials { get; set; }
    public BarmanGoogleCredentials? GoogleCredentials { get; set; }
    public BarmanWalBackupConfiguration? Wal { get; set; }
    public Dictionary<string, string>? Tags { get; set; }
    public Dictionary<string, string>? HistoryTags { get; set; }
}

public sealed class BarmanObjectStoreConfiguration : BarmanCloudConfiguration
{
    public BarmanDataBackupConfiguration? Data { get; set; }
}

public sealed class CnpgBarmanObjectStoreConfiguration : BarmanCloudConfiguration
{
    public CnpgBarmanDataBackupConfiguration? Data { get; set; }
}

public sealed class BarmanS3Credentials
{
    public CnpgSecretKeySelector? AccessKeyId { get; set; }
    public CnpgSecretKeySelector? SecretAccessKey { get; set; }
    public CnpgSecretKeySelector? Region { get; set; }
    public CnpgSecretKeySelector? SessionToken { get; set; }
    public bool? InheritFromIAMRole { get; set; }
}

public sealed class BarmanAzureCredentials
{
    public CnpgSecretKeySelector? ConnectionString { get; set; }
    public CnpgSecretKeySelector? StorageAccount { get; set; }
    public CnpgSecretKeySelector? StorageKey { get; set; }
    public CnpgSecretKeySelector? StorageSasToken { get; set; }
    public bool? InheritFromAzureAD { get; set; }
    public bool? UseDefaultAzureCredentials { get; set; }
}

public sealed class BarmanGoogleCredentials
{
    public CnpgSecretKeySelector? ApplicationCredentials { get; set; }
    public bool? GkeEnvironment { get; set; }
}

public sealed class BarmanWalBackupConfiguration
{
    public string? Compression { get; set; }
    public string? Encryption { get; set; }
    public int? MaxParallel { get; set; }
    public List<string>? ArchiveAdditionalCommandArgs { get; set; }
    public List<string>? RestoreAdditionalCommandArgs { get; set; }
}

public class CnpgBarmanDataBackupConfiguration
{
    public string? Compression { get; set; }
    public string? Encryption { get; set; }
    public bool? ImmediateCheckpoint { get; set; }
    public int? Jobs { get; set; }
    public List<string>? AdditionalCommandArgs { get; set; }
}

public sealed class BarmanDataBackupConfiguration : CnpgBarmanDataBackupConfiguration
{
    public List<string>? RestoreAdditionalCommandArgs { get; set; }
}

public sealed class RabbitmqClusterSpec
{
    public int? Replicas { get; set; }
    public string? Image { get; set; }
    public List<V1LocalObjectReference>? ImagePullSecrets { get; set; }
    public RabbitmqClusterServiceSpec? Service { get; set; }
    public RabbitmqClusterPersistenceSpec? Persistence { get; set; }
    public V1ResourceRequirements? Resources { get; set; }
    public V1Affinity? Affinity { get; set; }
    public List<V1Toleration>? Tolerations { get; set; }
    public RabbitmqClusterConfigurationSpec? Rabbitmq { get; set; }
    public RabbitmqTlsSpec? Tls { get; set; }
    public RabbitmqClusterOverrideSpec? Override { get; set; }
    public bool? SkipPostDeploySteps { get; set; }
    public bool? AutoEnableAllFeatureFlags { get; set; }
    public long? TerminationGracePeriodSeconds { get; set; }
    public int? DelayStartSeconds { get; set; }
    public RabbitmqSecretBackend? SecretBackend { get; set; }
}

public sealed class RabbitmqClusterServiceSpec
{
    public string? Type { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
    public string? IpFamilyPolicy { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
}

public sealed class RabbitmqClusterPersistenceSpec
{
    public string? StorageClassName { get; set; }
    public ResourceQuantity? Storage { get; set; }
    public RabbitmqClusterEmptyDirSpec? EmptyDir { get; set; }
}

public sealed class RabbitmqClusterEmptyDirSpec
{
    public string? Medium { get; set; }
    public ResourceQuantity? SizeLimit { get; set; }
}

public sealed class RabbitmqClusterConfigurationSpec
{
    public List<string>? AdditionalPlugins { get; set; }
    public string? AdditionalConfig { get; set; }
    public string? AdvancedConfig { get; set; }
    public string? EnvConfig { get; set; }
    public string? ErlangInetConfig { get; set; }
}

public sealed class RabbitmqTlsSpec
{
    public string? SecretName { get; set; }
    public string? CaSecretName { get; set; }
    public bool? DisableNonTLSListeners { get; set; }
}

public sealed class RabbitmqClusterOverrideSpec
{
    public RabbitmqStatefulSetOverride? StatefulSet { get; set; }
    public RabbitmqServiceOverride? Service { get; set; }
}

public sealed class RabbitmqStatefulSetOverride
{
    public RabbitmqEmbeddedLabelsAnnotations? Metadata { get; set; }
    public RabbitmqStatefulSetSpec? Spec { get; set; }
}

public sealed class RabbitmqServiceOverride
{
    public RabbitmqEmbeddedLabelsAnnotations? Metadata { get; set; }
    public V1ServiceSpec? Spec { get; set; }
}

public sealed class RabbitmqEmbeddedLabelsAnnotations
{
    public Dictionary<string, string>? Labels { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
}

public sealed class RabbitmqEmbeddedObjectMeta
{
    public string? Name { get; set; }
    public string? Namespace { get; set; }
    public Dictionary<string, string>? Labels { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
}

public sealed class RabbitmqStatefulSetSpec
{
    public int? Replicas { get; set; }
    public V1LabelSelector? Selector { get; set; }
    public RabbitmqPodTemplateSpec? Template { get; set; }
    public List<RabbitmqPersistentVolumeClaim>? VolumeClaimTemplates { get; set; }
    public string? ServiceName { get; set; }
    public string? PodManagementPolicy { get; set; }
    public V1StatefulSetUpdateStrategy? UpdateStrategy { get; set; }
    public int? MinReadySeconds { get; set; }
    public V1StatefulSetPersistentVolumeClaimRetentionPolicy? PersistentVolumeClaimRetentionPolicy { get; set; }
}

public sealed class RabbitmqPodTemplateSpec
{
    public RabbitmqEmbeddedObjectMeta? Metadata { get; set; }
    public V1PodSpec? Spec { get; set; }
}

public sealed class RabbitmqPersistentVolumeClaim
{
    public string? ApiVersion { get; set; }
    public string? Kind { get; set; }
    public RabbitmqEmbeddedObjectMeta? Metadata { get; set; }
    public V1PersistentVolumeClaimSpec? Spec { get; set; }
}

public sealed class RabbitmqSecretBackend
{
    public RabbitmqVaultSpec? Vault { get; set; }
    public V1LocalObjectReference? ExternalSecret { get; set; }
}

public sealed class RabbitmqVaultSpec
{
    public string? Role { get; set; }
    public Dictionary<string, string>? Annotations { get; set; }
    public string? DefaultUserPath { get; set; }
    public string? DefaultUserUpdaterImage { get; set; }
    public RabbitmqVaultTlsSpec? Tls { get; set; }
}

public sealed class RabbitmqVaultTlsSpec
{
    public string? PkiIssuerPath { get; set; }
    public string? CommonName { get; set; }
    public string? AltNames { get; set; }
    public string? IpSans { get; set; }
    public string? PkiRootPath { get; set; }
}
