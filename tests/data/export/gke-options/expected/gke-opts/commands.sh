#!/usr/bin/env bash
# Exported by Clusterwright from plan 'gke-options', cluster 'gke-opts' (GKE Standard, us-central1-a).
# Steps, in order: cluster iam kubeconfig manifests.
# Run them all (no argument) or some by name, e.g. ./commands.sh cluster
# README.md says what each step does and what it assumes.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

if [[ -z "${PROJECT_ID:-}" ]]; then
  PROJECT_ID=my-ml-project
fi

# create the cluster and its node pools (gcloud)
step_cluster() {
  echo '==> Creating cluster gke-opts in us-central1-a'
  gcloud container clusters create \
      gke-opts \
      --project="${PROJECT_ID}" \
      --location=us-central1-a \
      --release-channel=rapid \
      --cluster-version=1.34 \
      --workload-pool="${PROJECT_ID}".svc.id.goog \
      --enable-managed-prometheus \
      --addons=HttpLoadBalancing,HorizontalPodAutoscaling,GcsFuseCsiDriver \
      --num-nodes=1
  echo '==> Creating node pool l4-spot (g2-standard-24)'
  gcloud container node-pools create \
      l4-spot \
      --project="${PROJECT_ID}" \
      --cluster=gke-opts \
      --location=us-central1-a \
      --machine-type=g2-standard-24 \
      --accelerator=type=nvidia-l4,count=2,gpu-driver-version=latest,gpu-sharing-strategy=time-sharing,max-shared-clients-per-gpu=4 \
      --enable-autoscaling \
      --num-nodes=1 \
      --total-min-nodes=0 \
      --total-max-nodes=6 \
      --spot \
      --node-labels=tier=batch \
      --node-taints=nvidia.com/gpu=present:NoSchedule \
      --node-locations=us-central1-a,us-central1-b \
      --max-pods-per-node=64 \
      --disk-size=200
  echo '==> Creating node pool a100-reserved (a2-highgpu-8g)'
  gcloud container node-pools create \
      a100-reserved \
      --project="${PROJECT_ID}" \
      --cluster=gke-opts \
      --location=us-central1-a \
      --machine-type=a2-highgpu-8g \
      --accelerator=type=nvidia-tesla-a100,count=8,gpu-driver-version=default \
      --num-nodes=2 \
      --reservation-affinity=specific \
      --reservation=a100-block \
      --enable-gvnic \
      --placement-type=COMPACT \
      --node-taints=nvidia.com/gpu=present:NoSchedule
  echo '==> Creating node pool h100-flex (a3-highgpu-8g)'
  gcloud container node-pools create \
      h100-flex \
      --project="${PROJECT_ID}" \
      --cluster=gke-opts \
      --location=us-central1-a \
      --machine-type=a3-highgpu-8g \
      --accelerator=type=nvidia-h100-80gb,count=8,gpu-driver-version=default \
      --enable-autoscaling \
      --num-nodes=0 \
      --total-min-nodes=0 \
      --total-max-nodes=4 \
      --enable-queued-provisioning \
      --flex-start \
      --location-policy=ANY \
      --reservation-affinity=none \
      --no-enable-autorepair \
      --node-taints=nvidia.com/gpu=present:NoSchedule
  echo '==> Creating node pool cpu (n2-standard-8)'
  gcloud container node-pools create \
      cpu \
      --project="${PROJECT_ID}" \
      --cluster=gke-opts \
      --location=us-central1-a \
      --machine-type=n2-standard-8 \
      --num-nodes=1
  echo '==> Deleting the default pool; the plan'\''s pools replace it'
  gcloud container node-pools delete \
      default-pool \
      --project="${PROJECT_ID}" \
      --cluster=gke-opts \
      --location=us-central1-a \
      --quiet
}

# Google service accounts and bucket access for Workload Identity (gcloud)
step_iam() {
  echo '==> Service account cw-eval-batch reads gs://eval-sets'
  gcloud iam service-accounts create \
      cw-eval-batch \
      --project="${PROJECT_ID}" \
      '--display-name=eval-batch data reader'
  gcloud storage buckets add-iam-policy-binding \
      gs://eval-sets \
      --member=serviceAccount:cw-eval-batch@"${PROJECT_ID}".iam.gserviceaccount.com \
      --role=roles/storage.objectViewer
  gcloud iam service-accounts add-iam-policy-binding \
      cw-eval-batch@"${PROJECT_ID}".iam.gserviceaccount.com \
      --project="${PROJECT_ID}" \
      --role=roles/iam.workloadIdentityUser \
      --member=serviceAccount:"${PROJECT_ID}"'.svc.id.goog[eval/eval-batch]'
}

# fetch the cluster's credentials for kubectl (gcloud)
step_kubeconfig() {
  gcloud container clusters get-credentials \
      gke-opts \
      --project="${PROJECT_ID}" \
      --location=us-central1-a
}

# apply manifests/ in file-name order (kubectl)
step_manifests() {
  kubectl apply \
      --filename=manifests/
}

usage() {
  echo 'usage: commands.sh [cluster iam kubeconfig manifests]...' >&2
}

if [[ $# -eq 0 ]]; then
  set -- cluster iam kubeconfig manifests
fi
for step in "$@"; do
  case "$step" in
    cluster) step_cluster ;;
    iam) step_iam ;;
    kubeconfig) step_kubeconfig ;;
    manifests) step_manifests ;;
    *) usage; exit 2 ;;
  esac
done
