#!/usr/bin/env bash
# Exported by Clusterwright from plan 'genai-platform', cluster 'gke-ai' (GKE Standard, us-central1).
# Steps, in order: cluster iam kubeconfig addons manifests.
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
  echo '==> Creating cluster gke-ai in us-central1'
  gcloud container clusters create \
      gke-ai \
      --project="${PROJECT_ID}" \
      --location=us-central1 \
      --release-channel=regular \
      --workload-pool="${PROJECT_ID}".svc.id.goog \
      --enable-managed-prometheus \
      --addons=HttpLoadBalancing,HorizontalPodAutoscaling,GcsFuseCsiDriver \
      --num-nodes=1
  echo '==> Creating node pool a3-h100 (a3-highgpu-8g)'
  gcloud container node-pools create \
      a3-h100 \
      --project="${PROJECT_ID}" \
      --cluster=gke-ai \
      --location=us-central1 \
      --machine-type=a3-highgpu-8g \
      --accelerator=type=nvidia-h100-80gb,count=8,gpu-driver-version=default \
      --enable-autoscaling \
      --num-nodes=0 \
      --total-min-nodes=0 \
      --total-max-nodes=16 \
      --enable-queued-provisioning \
      --location-policy=ANY \
      --reservation-affinity=none \
      --enable-gvnic \
      --placement-type=COMPACT \
      --no-enable-autorepair \
      --node-labels=team=research \
      --node-taints=nvidia.com/gpu=present:NoSchedule
  echo '==> TPU v5e 4x4: 4 × ct5lp-hightpu-4t (one multi-host slice; the pool is created and repaired as a whole)'
  gcloud container node-pools create \
      v5e \
      --project="${PROJECT_ID}" \
      --cluster=gke-ai \
      --location=us-central1 \
      --machine-type=ct5lp-hightpu-4t \
      --tpu-topology=4x4 \
      --num-nodes=4 \
      --enable-autoscaling \
      --min-nodes=0 \
      --max-nodes=4 \
      --node-taints=google.com/tpu=present:NoSchedule
  echo '==> Creating node pool l4 (g2-standard-12)'
  gcloud container node-pools create \
      l4 \
      --project="${PROJECT_ID}" \
      --cluster=gke-ai \
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
      --cluster=gke-ai \
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
      --cluster=gke-ai \
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
      --cluster=gke-ai \
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
      --cluster=gke-ai \
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
      --cluster=gke-ai \
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
      --cluster=gke-ai \
      --location=us-central1 \
      --quiet
}

# Google service accounts and bucket access for Workload Identity (gcloud)
step_iam() {
  echo '==> Service account cw-llama-train reads gs://my-training-dataset-v1'
  gcloud iam service-accounts create \
      cw-llama-train \
      --project="${PROJECT_ID}" \
      '--display-name=llama-train data reader'
  gcloud storage buckets add-iam-policy-binding \
      gs://my-training-dataset-v1 \
      --member=serviceAccount:cw-llama-train@"${PROJECT_ID}".iam.gserviceaccount.com \
      --role=roles/storage.objectViewer
  gcloud iam service-accounts add-iam-policy-binding \
      cw-llama-train@"${PROJECT_ID}".iam.gserviceaccount.com \
      --project="${PROJECT_ID}" \
      --role=roles/iam.workloadIdentityUser \
      --member=serviceAccount:"${PROJECT_ID}"'.svc.id.goog[research/llama-train]'
}

# fetch the cluster's credentials for kubectl (gcloud)
step_kubeconfig() {
  gcloud container clusters get-credentials \
      gke-ai \
      --project="${PROJECT_ID}" \
      --location=us-central1
}

# install the controllers the manifests need (kubectl)
step_addons() {
  echo '==> Installing Kueue v0.19.2'
  kubectl apply \
      --server-side \
      --filename=https://github.com/kubernetes-sigs/kueue/releases/download/v0.19.2/manifests.yaml
  kubectl wait \
      --namespace=kueue-system \
      --for=condition=Available \
      --timeout=10m \
      deployment/kueue-controller-manager
}

# apply manifests/ in file-name order (kubectl)
step_manifests() {
  kubectl apply \
      --filename=manifests/01-namespace-research.yaml \
      --filename=manifests/02-namespace-serving.yaml \
      --filename=manifests/03-serviceaccount-llama-train.yaml
  kubectl annotate serviceaccount \
      llama-train \
      --namespace=research \
      --overwrite \
      iam.gke.io/gcp-service-account=cw-llama-train@"${PROJECT_ID}".iam.gserviceaccount.com
  kubectl apply \
      --filename=manifests/
}

usage() {
  echo 'usage: commands.sh [cluster iam kubeconfig addons manifests]...' >&2
}

if [[ $# -eq 0 ]]; then
  set -- cluster iam kubeconfig addons manifests
fi
for step in "$@"; do
  case "$step" in
    cluster) step_cluster ;;
    iam) step_iam ;;
    kubeconfig) step_kubeconfig ;;
    addons) step_addons ;;
    manifests) step_manifests ;;
    *) usage; exit 2 ;;
  esac
done
