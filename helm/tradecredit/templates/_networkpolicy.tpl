{{/*
Egress rules shared by the services' NetworkPolicies and their migration Jobs' (one definition,
so the two cannot drift apart).
*/}}

{{/* DNS, wherever the resolver runs (kube-dns, NodeLocal DNSCache, a node's resolver). */}}
{{- define "tradecredit.dnsEgress" -}}
- ports:
    {{- range $port := list 53 5353 }}
    {{- range $protocol := list "UDP" "TCP" }}
    - port: {{ $port }}
      protocol: {{ $protocol }}
    {{- end }}
    {{- end }}
{{- end -}}

{{/*
The service's database: the CloudNativePG cluster's pods, or database.external (its cidr, else
any address, on its port). Argument: dict root, name.
*/}}
{{- define "tradecredit.databaseEgress" -}}
{{- $svc := include "tradecredit.service" . | fromYaml -}}
{{- $external := (($svc.database | default dict).external | default dict) -}}
{{- if $external.host -}}
{{- if $external.cidr -}}
- to:
    - ipBlock:
        cidr: {{ $external.cidr }}
  ports:
{{- else -}}
- ports:
{{- end }}
    - port: {{ $external.port | default 5432 }}
      protocol: TCP
{{- else -}}
- to:
    - podSelector:
        matchLabels:
          cnpg.io/cluster: {{ include "tradecredit.serviceDbCluster" (dict "root" .root "svc" $svc) }}
  ports:
    - port: 5432
      protocol: TCP
{{- end }}
{{- end -}}
