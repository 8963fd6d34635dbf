{{/*
How a service reaches its database (pods and the migration Job alike): the CloudNativePG
cluster's app user, or services.<name>.database.external. Argument: dict root, name.
*/}}
{{- define "tradecredit.databaseEnv" -}}
{{- $svc := include "tradecredit.service" . | fromYaml -}}
{{- $external := (($svc.database | default dict).external | default dict) -}}
{{- if $external.host -}}
- name: DB_HOST
  value: {{ $external.host | quote }}
- name: DB_PORT
  value: {{ $external.port | default 5432 | toString | quote }}
- name: DB_NAME
  value: {{ $external.name | default $svc.databaseName | quote }}
- name: DB_USER
  valueFrom:
    secretKeyRef:
      name: {{ $external.existingSecret }}
      key: {{ $external.usernameKey | default "username" }}
- name: DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $external.existingSecret }}
      key: {{ $external.passwordKey | default "password" }}
{{- else -}}
{{- $cluster := include "tradecredit.serviceDbCluster" (dict "root" .root "svc" $svc) -}}
- name: DB_HOST
  value: {{ printf "%s-rw" $cluster }}
- name: DB_PORT
  value: "5432"
- name: DB_NAME
  value: {{ $svc.databaseName }}
- name: DB_USER
  valueFrom:
    secretKeyRef:
      name: {{ printf "%s-app" $cluster }}
      key: username
- name: DB_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ printf "%s-app" $cluster }}
      key: password
{{- end -}}
{{- end -}}

{{/*
Whether the migration Job runs before the install too: only where the database exists before
the release (database.external). A CloudNativePG cluster is created by the release itself, after
the pre-install hooks, so there the first install's pods migrate the empty schema themselves and
every upgrade's Job migrates before the new pods start. Argument: dict root, name.
*/}}
{{- define "tradecredit.migratesBeforeInstall" -}}
{{- $svc := include "tradecredit.service" . | fromYaml -}}
{{- if (($svc.database | default dict).external | default dict).host }}true{{ end -}}
{{- end -}}

{{/*
The pods' Flyway mode: validate only (a pod on a schema that is not migrated fails to start)
once the Job migrates; migrate at start on the first install of a CloudNativePG database (and
in k8s/, which is that rendering). Argument: dict root, name.
*/}}
{{- define "tradecredit.podMigrationEnv" -}}
{{- $beforeInstall := eq (include "tradecredit.migratesBeforeInstall" .) "true" -}}
{{- $podsMigrate := or (not .root.Values.migrations.job.enabled) (and .root.Release.IsInstall (not $beforeInstall)) -}}
- name: QUARKUS_FLYWAY_MIGRATE_AT_START
  value: {{ $podsMigrate | toString | quote }}
- name: QUARKUS_FLYWAY_VALIDATE_AT_START
  value: {{ (not $podsMigrate) | toString | quote }}
- name: TRADECREDIT_MIGRATIONS_LOCK_TIMEOUT
  value: {{ .root.Values.migrations.lockTimeout | quote }}
{{- end -}}
