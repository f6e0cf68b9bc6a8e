package deploy

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	"sigs.k8s.io/yaml"
)

// kinds maps apiVersion/kind to a new object of its type.
var kinds = map[string]func() any{
	"apps/v1/Deployment":                     func() any { return &appsv1.Deployment{} },
	"policy/v1/PodDisruptionBudget":          func() any { return &policyv1.PodDisruptionBudget{} },
	"autoscaling/v2/HorizontalPodAutoscaler": func() any { return &autoscalingv2.HorizontalPodAutoscaler{} },
	"batch/v1/CronJob":                       func() any { return &batchv1.CronJob{} },
	"v1/Service":                             func() any { return &corev1.Service{} },
	"networking.k8s.io/v1/Ingress":           func() any { return &networkingv1.Ingress{} },
}

// TestManifests_Decode decodes every manifest strictly: an unknown or
// misspelt field is an error, as it is for kubectl apply --validate=strict.
func TestManifests_Decode(t *testing.T) {
	files, _ := filepath.Glob("kubernetes/*.yaml")
	seen := map[string]any{}
	for _, f := range files {
		if filepath.Base(f) == "nats-values.yaml" {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, doc := range bytes.Split(b, []byte("\n---\n")) {
			if len(bytes.TrimSpace(doc)) == 0 {
				continue
			}
			var head struct {
				APIVersion string `json:"apiVersion"`
				Kind       string `json:"kind"`
			}
			if err := yaml.Unmarshal(doc, &head); err != nil {
				t.Fatalf("%s, document %d: %v", f, i+1, err)
			}
			mk, ok := kinds[head.APIVersion+"/"+head.Kind]
			if !ok {
				t.Fatalf("%s, document %d: unexpected kind %s %s", f, i+1, head.APIVersion, head.Kind)
			}
			obj := mk()
			if err := yaml.UnmarshalStrict(doc, obj); err != nil {
				t.Errorf("%s, document %d (%s): %v", f, i+1, head.Kind, err)
			}
			seen[head.Kind] = obj
		}
	}
	for k := range kinds {
		kind := k[strings.LastIndex(k, "/")+1:]
		if seen[kind] == nil {
			t.Errorf("no %s among the manifests", kind)
		}
	}
	if t.Failed() {
		return
	}
	d := seen["Deployment"].(*appsv1.Deployment)
	c := d.Spec.Template.Spec.Containers[0]
	if c.ReadinessProbe == nil || c.ReadinessProbe.HTTPGet == nil || c.ReadinessProbe.HTTPGet.Path != "/readyz" {
		t.Error("the replicas' readiness is not /readyz")
	}
	if c.LivenessProbe == nil || c.LivenessProbe.HTTPGet.Path != "/healthz" {
		t.Error("the replicas' liveness is not /healthz")
	}
	if !strings.Contains(strings.Join(c.Args, " "), "--source=nats://") {
		t.Errorf("the replicas do not follow NATS: %v", c.Args)
	}
	if d.Spec.Selector.MatchLabels["app.kubernetes.io/component"] != d.Spec.Template.Labels["app.kubernetes.io/component"] {
		t.Error("the Deployment's selector does not select its pods")
	}
	cj := seen["CronJob"].(*batchv1.CronJob)
	if cj.Spec.ConcurrencyPolicy != batchv1.ForbidConcurrent {
		t.Errorf("the indexer CronJob may overlap: %q", cj.Spec.ConcurrencyPolicy)
	}
	pdb := seen["PodDisruptionBudget"].(*policyv1.PodDisruptionBudget)
	if pdb.Spec.MinAvailable == nil || pdb.Spec.MinAvailable.IntValue() < 1 {
		t.Error("the disruption budget keeps no replica")
	}
	hpa := seen["HorizontalPodAutoscaler"].(*autoscalingv2.HorizontalPodAutoscaler)
	if hpa.Spec.ScaleTargetRef.Name != d.Name {
		t.Errorf("the autoscaler scales %q, not the replicas", hpa.Spec.ScaleTargetRef.Name)
	}
}

// TestManifests_NATSValues checks the Helm values give a three-node
// cluster with file-backed JetStream.
func TestManifests_NATSValues(t *testing.T) {
	b, err := os.ReadFile("kubernetes/nats-values.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Config struct {
			Cluster struct {
				Enabled  bool `json:"enabled"`
				Replicas int  `json:"replicas"`
			} `json:"cluster"`
			JetStream struct {
				Enabled   bool `json:"enabled"`
				FileStore struct {
					Enabled bool `json:"enabled"`
				} `json:"fileStore"`
			} `json:"jetstream"`
		} `json:"config"`
	}
	if err := yaml.Unmarshal(b, &v); err != nil {
		t.Fatal(err)
	}
	if !v.Config.Cluster.Enabled || v.Config.Cluster.Replicas != 3 || !v.Config.JetStream.Enabled || !v.Config.JetStream.FileStore.Enabled {
		t.Errorf("NATS values: %+v, want a three-node cluster with file-backed JetStream", v.Config)
	}
}
