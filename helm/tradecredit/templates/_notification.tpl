{{- /*
notification-service's outside parties (values.notification; docs/notification-service.md,
"Deployment"): the SMTP server, the SMS provider, the public URL of unsubscribe links, and the
Secret holding their credentials and the per-deployment secrets. Only the unsubscribe secret is
required; the others are optional keys (no SMTP login, no SMS credentials when absent).
*/ -}}
{{- define "tradecredit.notificationSecret" -}}
{{- .Values.notification.existingSecret | default (printf "%s-notification" (include "tradecredit.fullname" .)) }}
{{- end }}

{{- define "tradecredit.webhookTrustDir" -}}
/etc/tradecredit/webhook-trust
{{- end }}

{{- define "tradecredit.notificationEnv" -}}
{{- $n := .Values.notification }}
{{- $secret := include "tradecredit.notificationSecret" . -}}
# SMTP (Quarkus Mailer): host, port, TLS, login; credentials from the notification Secret
{{- with $n.smtp.host }}
- name: SMTP_HOST
  value: {{ . | quote }}
{{- end }}
- name: SMTP_PORT
  value: {{ $n.smtp.port | toString | quote }}
- name: SMTP_TLS
  value: {{ $n.smtp.tls | toString | quote }}
- name: SMTP_START_TLS
  value: {{ $n.smtp.startTls | quote }}
- name: SMTP_LOGIN
  value: {{ $n.smtp.login | quote }}
- name: SMTP_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: smtp-username
      optional: true
- name: SMTP_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: smtp-password
      optional: true
# the SMS provider's HTTP API, its Basic credentials and the secret of its delivery reports
{{- with $n.sms.url }}
- name: SMS_PROVIDER_URL
  value: {{ . | quote }}
{{- end }}
- name: SMS_PROVIDER_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: sms-username
      optional: true
- name: SMS_PROVIDER_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: sms-password
      optional: true
- name: SMS_REPORT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: sms-report-secret
      optional: true
{{- with ($n.webhook).trustStoreSecret }}
# HTTPS receivers' certificates trusted besides the JDK's CAs: the operator's PKCS12 trust store
- name: NOTIFICATION_WEBHOOK_TRUST_STORE
  value: {{ include "tradecredit.webhookTrustDir" $ }}/trust-store.p12
- name: NOTIFICATION_WEBHOOK_TRUST_STORE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ . }}
      key: trust-store-password
{{- end }}
# signs the unsubscribe links of emails (required); the links point to the public URL
- name: NOTIFICATION_UNSUBSCRIBE_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ $secret }}
      key: unsubscribe-secret
{{- $public := $n.publicUrl }}
{{- if and (not $public) .Values.ingress.enabled }}
{{- $svc := include "tradecredit.service" (dict "root" . "name" "notification-service") | fromYaml }}
{{- $host := $svc.ingressHost | default (printf "notification-service.%s" .Values.ingress.domain) }}
{{- $public = printf "%s://%s" (ternary "https" "http" .Values.ingress.tls.enabled) $host }}
{{- end }}
{{- with $public }}
- name: NOTIFICATION_PUBLIC_URL
  value: {{ . | quote }}
{{- end }}
{{- end }}
