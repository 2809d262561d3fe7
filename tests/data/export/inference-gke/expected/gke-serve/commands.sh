#!/usr/bin/env bash
# Exported by Clusterwright from plan 'inference-gke', cluster 'gke-serve' (GKE Standard, us-central1).
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
  echo '==> Creating cluster gke-serve in us-central1'
  gcloud container clusters create \
      gke-serve \
      --project="${PROJECT_ID}" \
      --location=us-central1 \
      --workload-pool="${PROJECT_ID}".svc.id.goog \
      --enable-managed-prometheus \
      --num-nodes=1
  echo '==> Creating node pool l4 (g2-standard-12)'
  gcloud container node-pools create \
      l4 \
      --project="${PROJECT_ID}" \
      --cluster=gke-serve \
      --location=us-central1 \
      --machine-type=g2-standard-12 \
      --accelerator=type=nvidia-l4,count=1,gpu-driver-version=default \
      --enable-autoscaling \
      --num-nodes=1 \
      --total-min-nodes=1 \
      --total-max-nodes=12 \
      --enable-gvnic \
      --node-taints=nvidia.com/gpu=present:NoSchedule
  echo '==> Creating node pool a100-mig (a2-highgpu-1g)'
  gcloud container node-pools create \
      a100-mig \
      --project="${PROJECT_ID}" \
      --cluster=gke-serve \
      --location=us-central1 \
      --machine-type=a2-highgpu-1g \
      --accelerator=type=nvidia-tesla-a100,count=1,gpu-driver-version=default,gpu-partition-size=1g.5gb \
      --enable-autoscaling \
      --num-nodes=0 \
      --total-min-nodes=0 \
      --total-max-nodes=4 \
      --node-taints=nvidia.com/gpu=present:NoSchedule
  echo '==> Creating node pool general-n2-standard-4 (n2-standard-4)'
  gcloud container node-pools create \
      general-n2-standard-4 \
      --project="${PROJECT_ID}" \
      --cluster=gke-serve \
      --location=us-central1 \
      --machine-type=n2-standard-4 \
      --enable-autoscaling \
      --num-nodes=1 \
      --total-min-nodes=1 \
      --total-max-nodes=20 \
      --node-labels=clusterwright.io/pool=general
  echo '==> Creating node pool general-n2-standard-8 (n2-standard-8)'
  gcloud container node-pools create \
      general-n2-standard-8 \
      --project="${PROJECT_ID}" \
      --cluster=gke-serve \
      --location=us-central1 \
      --machine-type=n2-standard-8 \
      --enable-autoscaling \
      --num-nodes=0 \
      --total-min-nodes=0 \
      --total-max-nodes=20 \
      --node-labels=clusterwright.io/pool=general
  echo '==> Creating node pool general-n2-standard-16 (n2-standard-16)'
  gcloud container node-pools create \
      general-n2-standard-16 \
      --project="${PROJECT_ID}" \
      --cluster=gke-serve \
      --location=us-central1 \
      --machine-type=n2-standard-16 \
      --enable-autoscaling \
      --num-nodes=0 \
      --total-min-nodes=0 \
      --total-max-nodes=20 \
      --node-labels=clusterwright.io/pool=general
  echo '==> Creating node pool general-e2-standard-8 (e2-standard-8)'
  gcloud container node-pools create \
      general-e2-standard-8 \
      --project="${PROJECT_ID}" \
      --cluster=gke-serve \
      --location=us-central1 \
      --machine-type=e2-standard-8 \
      --enable-autoscaling \
      --num-nodes=0 \
      --total-min-nodes=0 \
      --total-max-nodes=20 \
      --node-labels=clusterwright.io/pool=general
  echo '==> Deleting the default pool; the plan'\''s pools replace it'
  gcloud container node-pools delete \
      default-pool \
      --project="${PROJECT_ID}" \
      --cluster=gke-serve \
      --location=us-central1 \
      --quiet
}

# fetch the cluster's credentials for kubectl (gcloud)
step_kubeconfig() {
  gcloud container clusters get-credentials \
      gke-serve \
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
