#!/usr/bin/env bash
# Exported by Clusterwright from plan 'tpu-training-gke', cluster 'gke-tpu' (GKE Standard, us-central1).
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
  echo '==> Creating cluster gke-tpu in us-central1'
  gcloud container clusters create \
      gke-tpu \
      --project="${PROJECT_ID}" \
      --location=us-central1 \
      --workload-pool="${PROJECT_ID}".svc.id.goog \
      --enable-managed-prometheus \
      --num-nodes=1
  echo '==> TPU v5e 4x4: 4 × ct5lp-hightpu-4t (one multi-host slice; the pool is created and repaired as a whole)'
  gcloud container node-pools create \
      v5e-4x4 \
      --project="${PROJECT_ID}" \
      --cluster=gke-tpu \
      --location=us-central1 \
      --machine-type=ct5lp-hightpu-4t \
      --tpu-topology=4x4 \
      --num-nodes=4 \
      --enable-autoscaling \
      --min-nodes=0 \
      --max-nodes=4 \
      --node-taints=google.com/tpu=present:NoSchedule
  echo '==> Creating node pool system (e2-standard-4)'
  gcloud container node-pools create \
      system \
      --project="${PROJECT_ID}" \
      --cluster=gke-tpu \
      --location=us-central1 \
      --machine-type=e2-standard-4 \
      --enable-autoscaling \
      --num-nodes=1 \
      --total-min-nodes=1 \
      --total-max-nodes=2
  echo '==> Deleting the default pool; the plan'\''s pools replace it'
  gcloud container node-pools delete \
      default-pool \
      --project="${PROJECT_ID}" \
      --cluster=gke-tpu \
      --location=us-central1 \
      --quiet
}

# fetch the cluster's credentials for kubectl (gcloud)
step_kubeconfig() {
  gcloud container clusters get-credentials \
      gke-tpu \
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
