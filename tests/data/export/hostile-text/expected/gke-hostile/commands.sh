#!/usr/bin/env bash
# Exported by Clusterwright from plan 'x'; touch /tmp/cw-canary-name; echo '$(touch /tmp/cw-canary-name)`touch /tmp/cw-canary-name`', cluster 'gke-hostile' (GKE Standard, europe-west4).
# Steps, in order: cluster kubeconfig manifests.
# Run them all (no argument) or some by name, e.g. ./commands.sh cluster
# README.md says what each step does and what it assumes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ -z "${PROJECT_ID:-}" ]]; then
  echo 'commands.sh: set PROJECT_ID to the Google Cloud project of the cluster' >&2
  exit 2
fi

# create the cluster and its node pools (gcloud)
step_cluster() {
  echo '==> Creating cluster gke-hostile in europe-west4'
  gcloud container clusters create \
      gke-hostile \
      --project="${PROJECT_ID}" \
      --location=europe-west4 \
      --workload-pool="${PROJECT_ID}".svc.id.goog \
      --enable-managed-prometheus \
      --num-nodes=1
  echo '==> Creating node pool cpu (n2-standard-4)'
  gcloud container node-pools create \
      cpu \
      --project="${PROJECT_ID}" \
      --cluster=gke-hostile \
      --location=europe-west4 \
      --machine-type=n2-standard-4 \
      --enable-autoscaling \
      --num-nodes=1 \
      --total-min-nodes=1 \
      --total-max-nodes=3
  echo '==> Deleting the default pool; the plan'\''s pools replace it'
  gcloud container node-pools delete \
      default-pool \
      --project="${PROJECT_ID}" \
      --cluster=gke-hostile \
      --location=europe-west4 \
      --quiet
}

# fetch the cluster's credentials for kubectl (gcloud)
step_kubeconfig() {
  gcloud container clusters get-credentials \
      gke-hostile \
      --project="${PROJECT_ID}" \
      --location=europe-west4
}

# apply manifests/ in file-name order (kubectl)
step_manifests() {
  kubectl apply \
      --filename=manifests/
}

usage() {
  echo 'usage: commands.sh [cluster kubeconfig manifests]...' >&2
}

if [[ $# -eq 0 ]]; then
  set -- cluster kubeconfig manifests
fi
for step in "$@"; do
  case "$step" in
    cluster) step_cluster ;;
    kubeconfig) step_kubeconfig ;;
    manifests) step_manifests ;;
    *) usage; exit 2 ;;
  esac
done
