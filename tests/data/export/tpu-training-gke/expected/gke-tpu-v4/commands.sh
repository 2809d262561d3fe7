#!/usr/bin/env bash
# Exported by Clusterwright from plan 'tpu-training-gke', cluster 'gke-tpu-v4' (GKE Standard, us-central2-b).
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
  echo '==> Creating cluster gke-tpu-v4 in us-central2-b'
  gcloud container clusters create \
      gke-tpu-v4 \
      --project="${PROJECT_ID}" \
      --location=us-central2-b \
      --workload-pool="${PROJECT_ID}".svc.id.goog \
      --enable-managed-prometheus \
      --num-nodes=1
  echo '==> TPU v4 2x2x4: 4 × ct4p-hightpu-4t (one multi-host slice; the pool is created and repaired as a whole)'
  gcloud container node-pools create \
      v4-2x2x4 \
      --project="${PROJECT_ID}" \
      --cluster=gke-tpu-v4 \
      --location=us-central2-b \
      --machine-type=ct4p-hightpu-4t \
      --tpu-topology=2x2x4 \
      --num-nodes=4 \
      --enable-autoscaling \
      --min-nodes=0 \
      --max-nodes=4 \
      --node-taints=google.com/tpu=present:NoSchedule
  echo '==> Deleting the default pool; the plan'\''s pools replace it'
  gcloud container node-pools delete \
      default-pool \
      --project="${PROJECT_ID}" \
      --cluster=gke-tpu-v4 \
      --location=us-central2-b \
      --quiet
}

# fetch the cluster's credentials for kubectl (gcloud)
step_kubeconfig() {
  gcloud container clusters get-credentials \
      gke-tpu-v4 \
      --project="${PROJECT_ID}" \
      --location=us-central2-b
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
