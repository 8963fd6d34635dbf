{{/*
Prefix of every resource name: the release name, with the chart name unless the release
name already contains it.
*/}}
{{- define "tradecredit.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 26 | trimSuffix "-" -}}
{{- else if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 26 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 26 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* Labels every resource of the release carries, but app.kubernetes.io/instance. */}}
{{- define "tradecredit.commonLabels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: tradecredit
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end -}}

{{/* Labels every resource of the release carries. */}}
{{- define "tradecredit.labels" -}}
{{ include "tradecredit.commonLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Selector labels of one service; argument: dict root, name. */}}
{{- define "tradecredit.selectorLabels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{/* All labels of one service's resources; argument: dict root, name. */}}
{{- define "tradecredit.serviceLabels" -}}
{{ include "tradecredit.commonLabels" .root }}
{{ include "tradecredit.selectorLabels" . }}
app.kubernetes.io/component: service
{{- end -}}

{{/* Name of one service's Deployment, Service, ServiceAccount, ...; argument: dict root, name. */}}
{{- define "tradecredit.serviceName" -}}
{{- printf "%s-%s" (include "tradecredit.fullname" .root) .name -}}
{{- end -}}

{{/* The services and topics of the code (files/topology.yaml), as YAML. */}}
{{- define "tradecredit.topology" -}}
{{- .Files.Get "files/topology.yaml" -}}
{{- end -}}

{{/*
Deep merge of two maps, as YAML: keys of the second win, nested maps are merged, anything
else (lists, scalars, false, null) replaces. Argument: list base override.
*/}}
{{- define "tradecredit.merge" -}}
{{- $out := deepCopy (index . 0) -}}
{{- range $key, $value := (index . 1) -}}
{{- if and (kindIs "map" $value) (kindIs "map" (get $out $key)) -}}
{{- $_ := set $out $key (include "tradecredit.merge" (list (get $out $key) $value) | fromYaml) -}}
{{- else -}}
{{- $_ := set $out $key $value -}}
{{- end -}}
{{- end -}}
{{- toYaml $out -}}
{{- end -}}

{{/*
Effective settings of one service, as YAML: serviceDefaults merged with services.<name>,
plus what the code fixes (port, database) from files/topology.yaml.
Argument: dict root, name.
*/}}
{{- define "tradecredit.service" -}}
{{- $topology := include "tradecredit.topology" .root | fromYaml -}}
{{- $own := get .root.Values.services .name | default dict -}}
{{- $merged := include "tradecredit.merge" (list .root.Values.serviceDefaults $own) | fromYaml -}}
{{- $code := get $topology.services .name -}}
{{- $_ := set $merged "port" (int $code.port) -}}
{{- $_ := set $merged "databaseName" $code.database -}}
{{- toYaml $merged -}}
{{- end -}}

{{/* Name of the CloudNativePG Cluster of a database; argument: dict root, database. */}}
{{- define "tradecredit.dbClusterName" -}}
{{- printf "%s-%s-db" (include "tradecredit.fullname" .root) .database -}}
{{- end -}}

{{/*
Name of the CloudNativePG Cluster a service uses: its database's cluster or, with
database.recovery, the restored one "<cluster>-<recovery.name>". Argument: dict root, svc (the
effective settings of "tradecredit.service").
*/}}
{{- define "tradecredit.serviceDbCluster" -}}
{{- $cluster := include "tradecredit.dbClusterName" (dict "root" .root "database" .svc.databaseName) -}}
{{- with ((.svc.database | default dict).recovery | default dict).name -}}
{{- $cluster = printf "%s-%s" $cluster . -}}
{{- end -}}
{{- $cluster -}}
{{- end -}}

{{/* Name of the ObjectStore of the backups. */}}
{{- define "tradecredit.objectStoreName" -}}
{{- .Values.postgresql.backup.objectStore.name | default (printf "%s-backups" (include "tradecredit.fullname" .)) -}}
{{- end -}}

{{/* Name of a service's or an agency's KafkaUser (also the name of its Secret). */}}
{{- define "tradecredit.kafkaUserName" -}}
{{- printf "%s-%s" (include "tradecredit.fullname" .root) .name -}}
{{- end -}}

{{/* Kafka bootstrap servers. */}}
{{- define "tradecredit.kafkaBootstrap" -}}
{{- if .Values.kafka.bootstrapServers -}}
{{- .Values.kafka.bootstrapServers -}}
{{- else -}}
{{- $host := printf "%s-kafka-bootstrap" .Values.kafka.strimzi.clusterName -}}
{{- with .Values.kafka.strimzi.namespace }}{{ $host = printf "%s.%s.svc" $host . }}{{ end -}}
{{- printf "%s:%d" $host (ternary 9093 9092 .Values.kafka.tls) -}}
{{- end -}}
{{- end -}}

{{/* Image of a service; argument: dict root, name, digest (may be empty). */}}
{{- define "tradecredit.image" -}}
{{- $image := .root.Values.image -}}
{{- $repository := printf "%s/%s/%s" $image.registry $image.group .name -}}
{{- if .digest -}}
{{- printf "%s@%s" $repository .digest -}}
{{- else -}}
{{- printf "%s:%s" $repository ($image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}
{{- end -}}

{{/* Strimzi topic settings: spec lines; argument: dict settings (partitions, replicas, retentionMs, minInsyncReplicas). */}}
{{- define "tradecredit.topicSpec" -}}
partitions: {{ int .partitions }}
replicas: {{ int .replicas }}
config:
  retention.ms: {{ int64 .retentionMs }}
  min.insync.replicas: {{ int .minInsyncReplicas }}
  cleanup.policy: delete
{{- end -}}

{{/*
Every topic, as YAML: a list of {name, topicName, producers, consumers, deadLetter, deadLetterOf, agency};
name is the code's (TopicNames, the key of kafka.topics.overrides), topicName the release's on the
cluster (kafka.topicPrefix + name). The dead-letter topics of each consumer follow their topic.
Argument: the root context.
*/}}
{{- define "tradecredit.allTopics" -}}
{{- $topology := include "tradecredit.topology" . | fromYaml -}}
{{- $prefix := .Values.kafka.topicPrefix | default "" -}}
{{- $topics := list -}}
{{- range $name, $topic := $topology.topics -}}
{{- $topics = append $topics (dict "name" $name "producers" $topic.producers "consumers" $topic.consumers "deadLetter" false) -}}
{{- range $consumer := $topic.consumers -}}
{{- $topics = append $topics (dict "name" (printf "%s.dlq.%s" $name $consumer) "producers" (list $consumer) "consumers" (list) "deadLetter" true "deadLetterOf" $name) -}}
{{- end -}}
{{- end -}}
{{- range $agency := .Values.agencies -}}
{{- range $kind := list "cases" "updates" -}}
{{- $topic := get $topology.agencyTopics $kind -}}
{{- $name := printf "agency.%s.%s" $agency.code $kind -}}
{{- $topics = append $topics (dict "name" $name "producers" $topic.producers "consumers" $topic.consumers "deadLetter" false "agency" $agency.code) -}}
{{- range $consumer := $topic.consumers -}}
{{- $topics = append $topics (dict "name" (printf "%s.dlq.%s" $name $consumer) "producers" (list $consumer) "consumers" (list) "deadLetter" true "deadLetterOf" $name "agency" $agency.code) -}}
{{- end -}}
{{- end -}}
{{- end -}}
{{- range $topic := $topics -}}
{{- $_ := set $topic "topicName" (printf "%s%s" $prefix $topic.name) -}}
{{- end -}}
{{- toYaml (dict "topics" $topics) -}}
{{- end -}}

{{/* The release's name of a topic or consumer group on the cluster; argument: dict root, name. */}}
{{- define "tradecredit.kafkaName" -}}
{{- printf "%s%s" (.root.Values.kafka.topicPrefix | default "") .name -}}
{{- end -}}

{{/*
A NetworkPolicyPeer list of one peer; argument: a map with namespaceSelector and podSelector,
or ipBlock (an address range outside the cluster).
*/}}
{{- define "tradecredit.peer" -}}
{{- $peer := dict -}}
{{- if .ipBlock -}}
{{- $_ := set $peer "ipBlock" .ipBlock -}}
{{- else -}}
{{- with .namespaceSelector }}{{ $_ := set $peer "namespaceSelector" . }}{{ end -}}
{{- $_ := set $peer "podSelector" (.podSelector | default dict) -}}
{{- end -}}
{{- toYaml (list $peer) -}}
{{- end -}}

{{/*
The Secret with the Kafka cluster's CA (key ca.crt). Strimzi creates <clusterName>-cluster-ca-cert
in the Kafka cluster's namespace only: with Kafka in another namespace, a copy in the release
namespace must be named, or the render fails.
*/}}
{{- define "tradecredit.clusterCaSecret" -}}
{{- $kafka := .Values.kafka -}}
{{- if $kafka.clusterCaSecret -}}
{{- $kafka.clusterCaSecret -}}
{{- else if and $kafka.strimzi.namespace (ne $kafka.strimzi.namespace .Release.Namespace) -}}
{{- fail (printf "kafka.strimzi.namespace is %q: Strimzi creates the cluster CA Secret %s-cluster-ca-cert there, where the pods of namespace %q cannot read it. Copy it into %q and set kafka.clusterCaSecret to the copy's name (docs/deployment.md, \"Kafka in another namespace\")" $kafka.strimzi.namespace $kafka.strimzi.clusterName .Release.Namespace .Release.Namespace) -}}
{{- else -}}
{{- printf "%s-cluster-ca-cert" $kafka.strimzi.clusterName -}}
{{- end -}}
{{- end -}}

{{/*
monitoring.prometheusRule.runbookUrl, which every alert's runbook_url starts with: required with
the alerts on, since only the operator knows where the on-call reads docs/runbook.md.
*/}}
{{- define "tradecredit.runbookUrl" -}}
{{- required "monitoring.prometheusRule.runbookUrl: set it to the absolute URL where your on-call reads docs/runbook.md (e.g. in your copy of the repository, at the release's tag); every alert links its section there" .Values.monitoring.prometheusRule.runbookUrl -}}
{{- end -}}
