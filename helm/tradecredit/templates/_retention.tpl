{{/*
Days the services keep the ids of the events they applied (TRADECREDIT_INBOX_RETENTION_DAYS):
longer than any topic keeps a record, dead-letter topics included, plus a day. A dead letter
replayed, or a topic re-read after a consumer group's offsets were reset, then finds its id in
the inbox and is not applied twice (docs/runbook.md, "Replaying dead letters").
*/}}
{{- define "tradecredit.inboxRetentionDays" -}}
{{- $all := list .Values.kafka.deadLetterTopics.retentionMs .Values.kafka.topics.retentionMs -}}
{{- range $name, $override := .Values.kafka.topics.overrides -}}
{{- if hasKey $override "retentionMs" }}{{ $all = append $all $override.retentionMs }}{{ end -}}
{{- end -}}
{{- $max := 0 -}}
{{- range $all -}}
{{- if eq (int64 .) -1 -}}
{{- fail "kafka: a topic kept forever (retentionMs -1) outlasts any inbox retention; a replayed or re-read event could be applied twice. Give it a retention." -}}
{{- end -}}
{{- $max = max $max (int64 .) -}}
{{- end -}}
{{- add (div (add $max 86399999) 86400000) 1 -}}
{{- end -}}
