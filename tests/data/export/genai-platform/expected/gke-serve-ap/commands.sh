#!/usr/bin/env bash
# Exported by Clusterwright from plan 'genai-platform', cluster 'gke-serve-ap' (GKE Autopilot, us-central1).
# Steps, in order: cluster kubeconfig manifests.
# Run them all (no argument) or some by name, e.g. ./commands.sh cluster
# README.md says what each step does and what it assumes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ -z "${PROJECT_ID:-}" ]]; then
  echo 'commands.sh: set PROJECT_ID to the Google Cloud project of the cluster' >&2
  exit 2
fi

# create the Autopilot cluster (gcloud)
step_cluster() {
  echo '==> Creating Autopilot cluster gke-serve-ap in us-central1'
  gcloud container clusters create-auto \
      gke-serve-ap \
      --project="${PROJECT_ID}" \
      --location=us-central1
}

# fetch the cluster's credentials for kubectl (gcloud)
step_kubeconfig() {
  gcloud container clusters get-credentials \
      gke-serve-ap \
      --project="${PROJECT_ID}" \
      --location=us-central1
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
