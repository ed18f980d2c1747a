{{/*
The agent's name, checked: a DNS-1123 label of at most 53 characters, because
it is also the Helm release name (Helm refuses longer ones); the namespace
`agent-<name>` then fits the 63 of a label too.
*/}}
{{- define "agent-sandbox.name" -}}
{{- $name := required "agent.name is required: the agent's name (a DNS-1123 label); the sandbox namespace is agent-<name>" .Values.agent.name | toString -}}
{{- if not (regexMatch "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" $name) -}}
{{- fail (printf "agent.name %q is not a DNS-1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit" $name) -}}
{{- end -}}
{{- if gt (len $name) 53 -}}
{{- fail (printf "agent.name %q is %d characters; at most 53, as it is also the Helm release name" $name (len $name)) -}}
{{- end -}}
{{- $name -}}
{{- end -}}

{{- define "agent-sandbox.namespace" -}}
agent-{{ include "agent-sandbox.name" . }}
{{- end -}}

{{/* Labels on every object; the sikifanso.io/* pair is what `agent list` and doctor select on. */}}
{{- define "agent-sandbox.labels" -}}
sikifanso.io/agent: "true"
sikifanso.io/agent-name: {{ include "agent-sandbox.name" . | quote }}
app.kubernetes.io/managed-by: sikifanso
app.kubernetes.io/part-of: sikifanso
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | quote }}
{{- end -}}

{{/* A TCP/UDP port number from values (YAML numbers reach templates as floats). */}}
{{- define "agent-sandbox.port" -}}
{{- $port := int .port -}}
{{- if or (lt $port 1) (gt $port 65535) -}}
{{- fail (printf "%s: port %v is not between 1 and 65535" .what .port) -}}
{{- end -}}
{{- $port -}}
{{- end -}}

{{/* The allow list, each entry checked: a service without pod labels would open its whole namespace. */}}
{{- define "agent-sandbox.allow" -}}
{{- range $i, $svc := .Values.allow -}}
{{- $what := printf "allow[%d]" $i -}}
{{- if not $svc.name -}}{{- fail (printf "%s.name is required" $what) -}}{{- end -}}
{{- if not $svc.namespace -}}{{- fail (printf "%s (%s).namespace is required" $what $svc.name) -}}{{- end -}}
{{- if not $svc.port -}}{{- fail (printf "%s (%s).port is required" $what $svc.name) -}}{{- end -}}
{{- if not $svc.podLabels -}}
{{- fail (printf "%s (%s).podLabels is required: a sandbox reaches a service's pods, never a whole namespace" $what $svc.name) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Each egressFQDNs entry checked; the port defaults to 443. */}}
{{- define "agent-sandbox.egressFQDNs" -}}
{{- range $i, $dest := .Values.egressFQDNs -}}
{{- if not $dest.host -}}{{- fail (printf "egressFQDNs[%d].host is required" $i) -}}{{- end -}}
{{- end -}}
{{- end -}}

{{/*
A Kubernetes quantity from values, as a string. YAML numbers reach templates as
float64, which print in exponent form once large (1073741824 -> 1.073741824e+09),
so whole numbers are printed as integers.
*/}}
{{- define "agent-sandbox.quantity" -}}
{{- $q := required (printf "%s is required" .what) .value -}}
{{- if and (kindIs "float64" $q) (eq $q (float64 (int64 $q))) -}}
{{- printf "%d" (int64 $q) | quote -}}
{{- else -}}
{{- $q | toString | quote -}}
{{- end -}}
{{- end -}}
