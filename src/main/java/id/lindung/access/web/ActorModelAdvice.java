package id.lindung.access.web;

import id.lindung.access.CurrentActor;
import id.lindung.platform.PageModel;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every page knows who is signed in, for the header and for showing only what the role may use. */
@Configuration(proxyBeanMethods = false)
class ActorModelAdvice implements WebMvcConfigurer {

    private final CurrentActor currentActor;

    ActorModelAdvice(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new PageModel("actor", request -> currentActor.find().orElse(null)));
    }
}
